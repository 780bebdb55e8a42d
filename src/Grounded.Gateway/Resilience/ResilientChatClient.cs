using System.Runtime.CompilerServices;
using Grounded.Gateway.Config;
using Grounded.Gateway.Context;
using Grounded.Gateway.Failures;
using Grounded.Gateway.Providers;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Resilience;

/// <summary>
/// Retries, breaks and times out the calls to one provider (see <see cref="ProviderPipeline"/>), counting each call in
/// the request's <see cref="GatewayContext"/>. A stream is retried only until its first update arrives; after that a
/// failure reaches the caller. A refusal of the request itself becomes a <see cref="ProviderRejectedException"/>; any
/// other failure a <see cref="ProviderUnavailableException"/>, so a router can fail over. The caller's cancellation
/// passes through as is.
/// </summary>
internal sealed class ResilientChatClient : DelegatingChatClient
{
    private readonly ModelOptions _model;
    private readonly ProviderPipeline _pipeline;
    private readonly TimeProvider _time;

    public ResilientChatClient(IChatClient inner, ModelOptions model, ResilienceOptions options, TimeProvider time, Func<double>? random = null)
        : base(inner)
    {
        _model = model;
        _time = time;
        _pipeline = ProviderPipeline.Create(options, time, random);
    }

    public CircuitState Circuit => _pipeline.Breaker.State;

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        var context = GatewayContext.Of(options);
        var attempts = 0;
        RetryAfterCapture.BeginCall();
        try
        {
            return await _pipeline.Pipeline.ExecuteAsync(
                async token =>
                {
                    attempts++;
                    context?.CountAttempt();
                    return await base.GetResponseAsync(list, options, token).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not GatewayException)
        {
            throw Failure(e, attempts);
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        var context = GatewayContext.Of(options);
        var attempts = 0;
        StreamStart start;
        RetryAfterCapture.BeginCall();
        try
        {
            start = await _pipeline.Pipeline.ExecuteAsync(
                async token =>
                {
                    attempts++;
                    context?.CountAttempt();
                    return await StreamStart.OpenAsync(InnerClient, list, options, token, cancellationToken).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not GatewayException)
        {
            throw Failure(e, attempts);
        }

        await using (start)
        {
            if (start.First is not { } first)
            {
                yield break;
            }

            var finished = first.FinishReason is not null;
            yield return first;
            while (await start.Rest.MoveNextAsync().ConfigureAwait(false))
            {
                finished |= start.Rest.Current.FinishReason is not null;
                yield return start.Rest.Current;
            }

            // Some SDKs end a cut stream quietly; a stream without a finish reason was truncated, and the caller must know.
            if (!finished)
            {
                throw new IOException($"{_model.Name}: the provider's stream ended before it finished");
            }
        }
    }

    private Exception Failure(Exception e, int attempts)
    {
        if (TransientFailures.IsRequestFault(e) && e is ProviderErrorException refused)
        {
            return new ProviderRejectedException(refused.Status, refused.Message, refused.Type, e)
            {
                Code = refused.Code, Param = refused.Param, Model = _model.Name, Provider = _model.Provider,
            };
        }

        return new ProviderUnavailableException($"{_model.Name} ({_model.Provider}): {Describe(e)}", e)
        {
            Model = _model.Name,
            Provider = _model.Provider,
            Attempts = attempts,
            Status = (e as ProviderErrorException)?.Status,
            CircuitOpen = e is Polly.CircuitBreaker.BrokenCircuitException,
            RetryAfter = TransientFailures.RetryAfter(e, _time.GetUtcNow()),
        };
    }

    private static string Describe(Exception e) => e switch
    {
        Polly.CircuitBreaker.BrokenCircuitException => "circuit open",
        Polly.Timeout.TimeoutRejectedException => "timed out",
        ProviderErrorException p => $"HTTP {p.Status}: {p.Message.Split('\n')[0].Trim()}",
        _ => e.Message.Split('\n')[0].Trim(),
    };
}
