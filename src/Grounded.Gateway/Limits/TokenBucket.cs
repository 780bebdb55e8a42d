using Grounded.Access;

namespace Grounded.Gateway.Limits;

/// <summary>
/// One key's bucket: fractional tokens, so refill is continuous, and the timestamp they were counted at. Every read and write holds the
/// bucket's own lock; a bucket found full again may be retired, after which callers must fetch a fresh one.
/// </summary>
internal sealed class TokenBucket(RateLimit limit, long timestamp)
{
    // Tolerates the rounding of continuous refill, so a bucket that is exactly full or exactly holds the cost says so.
    private const double Epsilon = 1e-9;

    private readonly Lock _gate = new();
    private double _tokens = limit.Capacity;
    private long _timestamp = timestamp;
    private RateLimit _limit = limit;
    private bool _retired;

    /// <summary>Refills, then takes the cost if the bucket holds max(cost, 1); false when the bucket was retired (fetch a fresh one).</summary>
    public bool TryAcquire(RateLimit limit, long cost, long now, TimeProvider time, out RateDecision decision)
    {
        lock (_gate)
        {
            decision = default;
            if (!Refill(limit, now, time))
            {
                return false;
            }

            var need = Math.Max(cost, 1);
            if (_tokens + Epsilon < need)
            {
                decision = new RateDecision(false, Whole(_tokens), RetryAfter(need - _tokens, limit));
                return true;
            }

            _tokens -= cost;
            decision = new RateDecision(true, Whole(_tokens), TimeSpan.Zero);
            return true;
        }
    }

    /// <summary>Refills, then subtracts the cost, down to -Capacity at most; false when the bucket was retired (fetch a fresh one).</summary>
    public bool TryDebit(RateLimit limit, long cost, long now, TimeProvider time)
    {
        lock (_gate)
        {
            if (!Refill(limit, now, time))
            {
                return false;
            }

            _tokens = Math.Max(-limit.Capacity, _tokens - cost);
            return true;
        }
    }

    /// <summary>Retires the bucket if it is full again (it then says nothing a new bucket would not); returns whether it did.</summary>
    public bool TryRetire(long now, TimeProvider time)
    {
        lock (_gate)
        {
            if (!Refill(_limit, now, time) || _tokens + Epsilon < _limit.Capacity)
            {
                return false;
            }

            _retired = true;
            return true;
        }
    }

    /// <summary>Returns the wait for <paramref name="deficit"/> tokens, rounded up to whole milliseconds, at least 1 ms.</summary>
    internal static TimeSpan RetryAfter(double deficit, RateLimit limit)
    {
        var milliseconds = Math.Ceiling(deficit * limit.Period.TotalMilliseconds / limit.Capacity - Epsilon);
        return milliseconds >= TimeSpan.MaxValue.TotalMilliseconds ? TimeSpan.MaxValue : TimeSpan.FromMilliseconds(Math.Max(1, (long)milliseconds));
    }

    private static long Whole(double tokens) => tokens <= 0 ? 0 : (long)Math.Floor(tokens + Epsilon);

    private bool Refill(RateLimit limit, long now, TimeProvider time)
    {
        if (_retired)
        {
            return false;
        }

        // Timestamps read before taking the lock may arrive out of order: a late, older one adds nothing.
        if (now > _timestamp)
        {
            var elapsed = time.GetElapsedTime(_timestamp, now);
            _tokens += elapsed.Ticks * (double)limit.Capacity / limit.Period.Ticks;
            _timestamp = now;
        }

        _tokens = Math.Min(_tokens, limit.Capacity);
        _limit = limit;
        return true;
    }
}
