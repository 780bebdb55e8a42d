using System.Globalization;
using Grounded.Gateway.Context;
using Grounded.Hosting;

namespace Grounded.Server.Requests;

/// <summary>
/// Gives every request its <see cref="GatewayContext"/> (an HTTP feature the endpoint attaches to its model calls) and
/// reads it back in one place: the <c>x-request-id</c>, <c>x-grounded-model</c>, <c>x-grounded-attempts</c>, <c>x-grounded-route</c>, <c>x-grounded-prompt</c> and <c>x-grounded-guards</c> headers
/// when the response starts, and the request's log line and metrics when it ends. A stream's response starts with its
/// first event, written once the first piece of the answer is in: that moment is its time to first token.
/// </summary>
internal sealed class RequestContextMiddleware(RequestDelegate next, ServerTelemetry telemetry, GroundedStack stack, TimeProvider time)
{
    public const string RequestIdHeader = "x-request-id";
    public const string ModelHeader = "x-grounded-model";
    public const string AttemptsHeader = "x-grounded-attempts";
    public const string CostHeader = "x-grounded-cost-usd";
    public const string CacheHeader = "x-grounded-cache";
    public const string RouteHeader = "x-grounded-route";
    public const string PromptHeader = "x-grounded-prompt";

    public async Task InvokeAsync(HttpContext http)
    {
        var context = new GatewayContext("http");
        http.Features.Set(context);
        var started = time.GetTimestamp();
        http.Response.OnStarting(static state =>
        {
            var (response, context, time, started) = ((HttpResponse, GatewayContext, TimeProvider, long))state;
            if (context.Stream && response.StatusCode == StatusCodes.Status200OK)
            {
                context.TimeToFirstToken = time.GetElapsedTime(started);
            }

            response.Headers[RequestIdHeader] = context.RequestId;
            if (context.ServedBy is { } served)
            {
                response.Headers[ModelHeader] = served;
            }

            if (context.Attempts > 0 || context.RequestedModel is not null)
            {
                response.Headers[AttemptsHeader] = context.Attempts.ToString(CultureInfo.InvariantCulture);
            }

            if (context.CacheOutcome is { } cache)
            {
                response.Headers[CacheHeader] = cache;
            }

            // A streamed answer's cost is known only at its end: it travels in the stream's usage chunk instead.
            if (context.RequestedModel is not null && !context.Stream && response.StatusCode < 400)
            {
                response.Headers[CostHeader] = CostText(context.Cost);
            }

            if (GuardsHeader.Value(context.Guards) is { } guards)
            {
                response.Headers[GuardsHeader.Name] = guards;
            }

            if (context.PromptId is { } prompt)
            {
                response.Headers[PromptHeader] = prompt;
            }

            if (context.RouteName is { } route)
            {
                response.Headers[RouteHeader] = RouteHeaderValue(route, context);
            }

            return Task.CompletedTask;
        }, (http.Response, context, time, started));
        try
        {
            await next(http);
        }
        finally
        {
            if (context.PromptId is { } prompt)
            {
                System.Diagnostics.Activity.Current?.SetTag("grounded.prompt", prompt);
            }

            if (http.Response.StatusCode >= 400 || http.Features.Get<Errors.RequestError>() is not null)
            {
                telemetry.Failed(context, http.Features.Get<Errors.RequestError>()?.Kind ?? Errors.ErrorKinds.OfStatus(http.Response.StatusCode));
            }

            if (context.Route != "http")
            {
                var elapsed = time.GetElapsedTime(started);
                telemetry.Completed(context, http.Response.StatusCode, elapsed, http.Features.Get<LoggedPrompt>()?.Text);
                stack.RecordUsage(context, http.Response.StatusCode, elapsed);
            }
        }
    }

    /// <summary>Formats dollars as the cost header and usage field write them: invariant, up to 8 decimals.</summary>
    public static string CostText(decimal usd) => Math.Round(usd, 8).ToString("0.########", CultureInfo.InvariantCulture);

    // "auto; class=code; model=large; reason=code: fenced block": printable ASCII only, whatever the names hold.
    private static string RouteHeaderValue(string route, GatewayContext context)
    {
        var value = $"{route}; class={context.RouteClass}; model={context.RouteModel}; reason={context.RouteReason}";
        return string.Create(value.Length, value, static (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                span[i] = text[i] is >= ' ' and <= '~' ? text[i] : '?';
            }
        });
    }
}
