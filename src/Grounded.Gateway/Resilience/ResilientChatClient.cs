using System.Runtime.CompilerServices;
using Grounded.Gateway.Config;
using Grounded.Gateway.Route;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Resilience;

/// <summary>
/// Retries, breaks and times out the calls to one provider (see <see cref="ProviderPipeline"/>). A stream is retried
/// only until its first update arrives; after that a failure reaches the caller. When the provider cannot serve, throws
/// <see cref="ProviderUnavailableException"/> so a router can fail over; the caller's cancellation passes through as is.
/// </summary>
internal sealed class ResilientChatClient : DelegatingChatClient
{
    private readonly string _model;
    private readonly ProviderPipeline _pipeline;

    public ResilientChatClient(IChatClient inner, string model, ResilienceOptions options, TimeProvider time, Func<double>? random = null)
        : base(inner)
    {
        _model = model;
        _pipeline = ProviderPipeline.Create(options, time, random);
    }

    public CircuitState Circuit => _pipeline.Breaker.State;

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        var attempts = 0;
        RetryAfterCapture.BeginCall();
        try
        {
            var response = await _pipeline.Pipeline.ExecuteAsync(
                async token =>
                {
                    attempts++;
                    return await base.GetResponseAsync(list, options, token).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
            response.AdditionalProperties = GatewayMetadata.With(response.AdditionalProperties, GatewayMetadata.AttemptsKey, attempts);
            return response;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unavailable(e, attempts);
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        var attempts = 0;
        StreamStart start;
        RetryAfterCapture.BeginCall();
        try
        {
            start = await _pipeline.Pipeline.ExecuteAsync(
                async token =>
                {
                    attempts++;
                    return await StreamStart.OpenAsync(InnerClient, list, options, token, cancellationToken).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unavailable(e, attempts);
        }

        await using (start)
        {
            if (start.First is not { } first)
            {
                yield break;
            }

            var finished = first.FinishReason is not null;
            first.AdditionalProperties = GatewayMetadata.With(first.AdditionalProperties, GatewayMetadata.AttemptsKey, attempts);
            yield return first;
            while (await start.Rest.MoveNextAsync().ConfigureAwait(false))
            {
                finished |= start.Rest.Current.FinishReason is not null;
                yield return start.Rest.Current;
            }

            // Some SDKs end a cut stream quietly; a stream without a finish reason was truncated, and the caller must know.
            if (!finished)
            {
                throw new IOException($"{_model}: the provider's stream ended before it finished");
            }
        }
    }

    private ProviderUnavailableException Unavailable(Exception e, int attempts) =>
        new($"{_model}: {Describe(e)}", e) { Model = _model, Attempts = attempts };

    private static string Describe(Exception e) => e switch
    {
        Polly.CircuitBreaker.BrokenCircuitException => "circuit open",
        Polly.Timeout.TimeoutRejectedException => "timed out",
        _ => e.Message.Split('\n')[0].Trim(),
    };
}
