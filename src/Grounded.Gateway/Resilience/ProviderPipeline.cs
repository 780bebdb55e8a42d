using Grounded.Gateway.Config;
using Polly;
using Polly.Retry;

namespace Grounded.Gateway.Resilience;

/// <summary>
/// Builds one provider's Polly pipeline. Order, outermost first: total timeout → retry → circuit breaker → attempt
/// timeout. The breaker sits inside the retry so every try counts, and an open circuit ends the retries at once.
/// </summary>
internal sealed class ProviderPipeline
{
    private ProviderPipeline(ResiliencePipeline pipeline, ConsecutiveFailureBreaker breaker)
    {
        Pipeline = pipeline;
        Breaker = breaker;
    }

    public ResiliencePipeline Pipeline { get; }

    public ConsecutiveFailureBreaker Breaker { get; }

    public static ProviderPipeline Create(ResilienceOptions options, TimeProvider time, Func<double>? random = null)
    {
        var backoff = new RetryBackoff(options, random ?? Random.Shared.NextDouble);
        var breaker = new ConsecutiveFailureBreaker(options.FailureThreshold, options.BreakDuration, time, TransientFailures.IsProviderFault);
        var builder = new ResiliencePipelineBuilder { TimeProvider = time }.AddTimeout(options.TotalTimeout);
        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } e && !args.Context.CancellationToken.IsCancellationRequested
                    && (TransientFailures.IsTransient(e) || e is OperationCanceledException)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    backoff.Delay(args.AttemptNumber, TransientFailures.RetryAfter(args.Outcome.Exception, time.GetUtcNow()))),
            });
        }

        builder.AddStrategy(_ => breaker, new BreakerStrategyOptions()).AddTimeout(options.AttemptTimeout);
        return new ProviderPipeline(builder.Build(), breaker);
    }

    private sealed class BreakerStrategyOptions : ResilienceStrategyOptions;
}
