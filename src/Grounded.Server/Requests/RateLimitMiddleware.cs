using System.Globalization;
using Grounded.Access;
using Grounded.Gateway.Context;
using Grounded.Hosting;
using Grounded.Server.Errors;

namespace Grounded.Server.Requests;

/// <summary>
/// Rate limits, right after identity: a key with <c>--rpm</c> or <c>--tpm</c> takes one request from its buckets (shared
/// through Redis when configured) and is refused with OpenAI's 429 (<c>rate_limit_exceeded</c>) and <c>Retry-After</c> when
/// a bucket is empty; the model tokens a request used are settled once its response is sent. Responses carry OpenAI's
/// <c>x-ratelimit-*</c> headers for the request limit.
/// </summary>
internal sealed class RateLimitMiddleware(RequestDelegate next, GroundedStack stack)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (http.Features.Get<CallerIdentity>() is not { } caller || (caller.RequestsPerMinute is null && caller.TokensPerMinute is null))
        {
            await next(http);
            return;
        }

        var outcome = await stack.RateLimits.AcquireAsync(caller, http.RequestAborted);
        if (outcome.Limit > 0 && caller.RequestsPerMinute is { } rpm)
        {
            http.Response.Headers["x-ratelimit-limit-requests"] = rpm.ToString(CultureInfo.InvariantCulture);
            http.Response.Headers["x-ratelimit-remaining-requests"] = outcome.RequestsLeft.ToString(CultureInfo.InvariantCulture);
        }

        if (!outcome.Allowed)
        {
            var wait = outcome.Decision.RetryAfter;
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            await ErrorWriter.WriteAsync(http, new ErrorDescription(429,
                $"Rate limit reached for {outcome.RefusedBy} per minute (limit {outcome.Limit}) on this API key: try again in {seconds} s.", outcome.RefusedBy!)
            {
                Code = "rate_limit_exceeded",
                RetryAfter = wait,
            });
            return;
        }

        if (caller.TokensPerMinute is not null)
        {
            // Settled once the response is sent, so the client never waits for it.
            http.Response.OnCompleted(static async state =>
            {
                var (http, stack, caller) = ((HttpContext, GroundedStack, CallerIdentity))state;
                if (http.Features.Get<GatewayContext>()?.Usage?.TotalTokenCount is { } tokens)
                {
                    await stack.RateLimits.SettleAsync(caller, tokens, CancellationToken.None);
                }
            }, (http, stack, caller));
        }

        await next(http);
    }
}
