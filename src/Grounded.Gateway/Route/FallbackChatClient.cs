using System.Runtime.CompilerServices;
using Grounded.Gateway.Resilience;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Route;

/// <summary>
/// Tries the requested model, then its fallbacks in order, moving on when a provider is unavailable (retries exhausted
/// or circuit open). A stream fails over only until its first update; later failures reach the caller. Records the
/// serving model and the total provider calls in <see cref="GatewayMetadata"/>.
/// </summary>
internal sealed class FallbackChatClient(IReadOnlyList<(string Name, IChatClient Client)> candidates) : IChatClient
{
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        var failures = new List<ProviderUnavailableException>();
        foreach (var (name, client) in candidates)
        {
            try
            {
                var response = await client.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
                var attempts = failures.Sum(f => f.Attempts) + GatewayMetadata.Attempts(response.AdditionalProperties);
                response.AdditionalProperties = GatewayMetadata.With(response.AdditionalProperties, GatewayMetadata.ModelKey, name);
                response.AdditionalProperties[GatewayMetadata.AttemptsKey] = attempts;
                return response;
            }
            catch (ProviderUnavailableException e)
            {
                failures.Add(e);
            }
        }

        throw new GatewayUnavailableException(failures);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        var failures = new List<ProviderUnavailableException>();
        foreach (var (name, client) in candidates)
        {
            var stream = client.GetStreamingResponseAsync(list, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
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
                if (!any)
                {
                    yield break;
                }

                var first = stream.Current;
                var attempts = failures.Sum(f => f.Attempts) + GatewayMetadata.Attempts(first.AdditionalProperties);
                first.AdditionalProperties = GatewayMetadata.With(first.AdditionalProperties, GatewayMetadata.ModelKey, name);
                first.AdditionalProperties[GatewayMetadata.AttemptsKey] = attempts;
                yield return first;
                while (await stream.MoveNextAsync().ConfigureAwait(false))
                {
                    yield return stream.Current;
                }
            }

            yield break;
        }

        throw new GatewayUnavailableException(failures);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType.IsInstanceOfType(this) ? this : candidates[0].Client.GetService(serviceType, serviceKey);

    public void Dispose()
    {
        // The candidate clients belong to the gateway.
    }
}
