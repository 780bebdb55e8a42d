using System.Runtime.CompilerServices;
using Grounded.Gateway.Config;
using Grounded.Gateway.Context;
using Grounded.Gateway.Failures;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Route;

/// <summary>
/// Failover: tries the requested model, then its fallbacks in order, moving on when a model is unavailable (retries
/// exhausted, circuit open, timed out). Each model is called with its own provider model id. A stream fails over only
/// until its first update; later failures reach the caller. Records the model that served in the request's
/// <see cref="GatewayContext"/>. When none can serve: <see cref="RateLimitedException"/> if every provider that
/// answered was rate-limiting, else <see cref="GatewayUnavailableException"/>.
/// </summary>
internal sealed class FallbackChatClient(IReadOnlyList<(ModelOptions Model, IChatClient Client)> candidates) : IChatClient
{
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        var failures = new List<ProviderUnavailableException>();
        foreach (var (model, client) in candidates)
        {
            try
            {
                var response = await client.GetResponseAsync(list, For(model, options), cancellationToken).ConfigureAwait(false);
                GatewayContext.Of(options)?.Served(model.Name);
                return response;
            }
            catch (ProviderUnavailableException e)
            {
                failures.Add(e);
            }
        }

        throw NoneCouldServe(failures);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        var failures = new List<ProviderUnavailableException>();
        foreach (var (model, client) in candidates)
        {
            var stream = client.GetStreamingResponseAsync(list, For(model, options), cancellationToken).GetAsyncEnumerator(cancellationToken);
            bool any;
            try
            {
                any = await stream.MoveNextAsync().ConfigureAwait(false);
            }
            catch (ProviderUnavailableException e)
            {
                failures.Add(e);
                await stream.DisposeAsync().ConfigureAwait(false);
                continue;
            }

            await using (stream)
            {
                GatewayContext.Of(options)?.Served(model.Name);
                if (!any)
                {
                    yield break;
                }

                yield return stream.Current;
                while (await stream.MoveNextAsync().ConfigureAwait(false))
                {
                    yield return stream.Current;
                }
            }

            yield break;
        }

        throw NoneCouldServe(failures);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType.IsInstanceOfType(this) ? this : candidates[0].Client.GetService(serviceType, serviceKey);

    public void Dispose()
    {
        // The candidate clients belong to the gateway.
    }

    // The caller names the configured model; each provider is asked for its own model id.
    private static ChatOptions For(ModelOptions model, ChatOptions? options)
    {
        var own = options?.Clone() ?? new ChatOptions();
        own.ModelId = model.ProviderModel;
        return own;
    }

    private static GatewayException NoneCouldServe(List<ProviderUnavailableException> failures)
    {
        var answered = failures.Where(f => !f.CircuitOpen).ToList();
        if (answered.Count > 0 && answered.All(f => f.RateLimited))
        {
            var first = answered[0];
            return new RateLimitedException($"rate limited: {string.Join("; ", answered.Select(f => f.Message))}", first)
            {
                Code = "rate_limit_exceeded",
                Model = first.Model,
                Provider = first.Provider,
                RetryAfter = answered.Select(f => f.RetryAfter).Where(r => r is not null).Min() ?? TimeSpan.FromSeconds(1),
            };
        }

        return new GatewayUnavailableException(failures);
    }
}
