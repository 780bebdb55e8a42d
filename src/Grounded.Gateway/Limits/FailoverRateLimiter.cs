using Grounded.Access;

namespace Grounded.Gateway.Limits;

/// <summary>
/// Asks a shared limiter (Redis) and, while it is out, answers as <see cref="RateLimitFailure"/> says. After an outage the shared
/// limiter is left alone for a back-off; then one call tries it again while the others keep the fallback.
/// </summary>
public sealed class FailoverRateLimiter : IRateLimiter
{
    private static readonly TimeSpan ClosedRetryAfter = TimeSpan.FromSeconds(1);

    private readonly IRateLimiter _primary;
    private readonly Func<Exception, bool> _isOutage;
    private readonly RateLimitFailure _mode;
    private readonly TimeProvider _time;
    private readonly OutageBackOff _outage;
    private TokenBucketLimiter? _local;

    /// <summary>Wraps <paramref name="primary"/>; <paramref name="isOutage"/> says which of its exceptions mean it is out (others propagate).</summary>
    /// <param name="primary">The shared limiter, e.g. Redis.</param>
    /// <param name="isOutage">Returns whether an exception of the primary means it cannot be reached.</param>
    /// <param name="mode">What to answer during an outage.</param>
    /// <param name="time">The clock for the back-off and the local buckets; the system clock when null.</param>
    /// <param name="backOff">How long to leave the primary alone after an outage; 1 second when null, else more than zero.</param>
    public FailoverRateLimiter(IRateLimiter primary, Func<Exception, bool> isOutage, RateLimitFailure mode, TimeProvider? time = null, TimeSpan? backOff = null)
    {
        ArgumentNullException.ThrowIfNull(primary);
        ArgumentNullException.ThrowIfNull(isOutage);
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "the failure mode must be Local, Open or Closed");
        }

        _primary = primary;
        _isOutage = isOutage;
        _mode = mode;
        _time = time ?? TimeProvider.System;
        _outage = new OutageBackOff(_time, backOff);
        _local = mode == RateLimitFailure.Local ? new TokenBucketLimiter(_time) : null;
    }

    /// <summary>Gets how many calls found the primary out (at most about one per back-off while an outage lasts).</summary>
    public long Outages => _outage.Outages;

    /// <inheritdoc />
    public async ValueTask<RateDecision> AcquireAsync(string key, RateLimit limit, long cost, CancellationToken cancellationToken)
    {
        RateLimitArguments.Check(key, limit, cost);
        if (_outage.TryPrimary())
        {
            try
            {
                var decision = await _primary.AcquireAsync(key, limit, cost, cancellationToken).ConfigureAwait(false);
                Recovered();
                return decision;
            }
            catch (Exception error) when (_isOutage(error))
            {
                _outage.Out();
            }
        }

        return _mode switch
        {
            RateLimitFailure.Local => await Volatile.Read(ref _local)!.AcquireAsync(key, limit, cost, cancellationToken).ConfigureAwait(false),
            RateLimitFailure.Open => new RateDecision(true, limit.Capacity, TimeSpan.Zero),
            _ => new RateDecision(false, 0, ClosedRetryAfter),
        };
    }

    /// <inheritdoc />
    public async ValueTask DebitAsync(string key, RateLimit limit, long cost, CancellationToken cancellationToken)
    {
        RateLimitArguments.Check(key, limit, cost);
        if (_outage.TryPrimary())
        {
            try
            {
                await _primary.DebitAsync(key, limit, cost, cancellationToken).ConfigureAwait(false);
                Recovered();
                return;
            }
            catch (Exception error) when (_isOutage(error))
            {
                _outage.Out();
            }
        }

        if (Volatile.Read(ref _local) is { } local)
        {
            await local.DebitAsync(key, limit, cost, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Recovered()
    {
        // The local buckets are dropped with the outage that filled them: the shared ones count again, and the next outage starts afresh.
        if (_outage.Recovered() && _local is not null)
        {
            Volatile.Write(ref _local, new TokenBucketLimiter(_time));
        }
    }
}
