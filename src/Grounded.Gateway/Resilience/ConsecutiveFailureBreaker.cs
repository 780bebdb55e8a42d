using Polly;
using Polly.CircuitBreaker;

namespace Grounded.Gateway.Resilience;

/// <summary>
/// A circuit breaker that opens after <c>threshold</c> consecutive provider failures, rejects calls for the break
/// duration, then lets exactly one probe through: success closes it, failure opens it again. (Polly's own breaker
/// counts a failure ratio over a sampling window; the gateway's contract is consecutive failures.)
/// </summary>
internal sealed class ConsecutiveFailureBreaker(int threshold, TimeSpan breakDuration, TimeProvider time, Func<Exception, bool> counts)
    : ResilienceStrategy
{
    private readonly Lock _gate = new();
    private int _failures;
    private long? _openedAt;
    private bool _probing;

    public CircuitState State
    {
        get
        {
            lock (_gate)
            {
                return _openedAt is null ? CircuitState.Closed
                    : time.GetElapsedTime(_openedAt.Value) < breakDuration ? CircuitState.Open
                    : CircuitState.HalfOpen;
            }
        }
    }

    protected override async ValueTask<Outcome<TResult>> ExecuteCore<TResult, TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<TResult>>> callback, ResilienceContext context, TState state)
    {
        bool probe;
        lock (_gate)
        {
            probe = _openedAt is not null;
            if (probe)
            {
                var remaining = breakDuration - time.GetElapsedTime(_openedAt!.Value);
                if (remaining > TimeSpan.Zero || _probing)
                {
                    var retryAfter = remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
                    return Outcome.FromException<TResult>(new BrokenCircuitException("the provider's circuit is open", retryAfter));
                }

                _probing = true;
            }
        }

        var outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
        lock (_gate)
        {
            if (outcome.Exception is null)
            {
                _failures = 0;
                _openedAt = null;
            }
            else if (counts(outcome.Exception))
            {
                _failures++;
                if (probe || _failures >= threshold)
                {
                    _openedAt = time.GetTimestamp();
                }
            }

            if (probe)
            {
                _probing = false;
            }
        }

        return outcome;
    }
}
