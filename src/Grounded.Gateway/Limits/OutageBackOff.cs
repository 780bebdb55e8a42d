namespace Grounded.Gateway.Limits;

/// <summary>
/// The outage state a failover over a shared store keeps (the rate limits' and the budgets'): after a call finds the store
/// out, it is left alone for a back-off; then the one caller that moves the back-off on probes it, the others keep the
/// fallback meanwhile, and a call that reaches it again ends the outage.
/// </summary>
internal sealed class OutageBackOff
{
    private const long Healthy = long.MinValue;
    private readonly TimeProvider _time;
    private readonly long _backOff;
    private long _retryAt = Healthy;
    private long _outages;

    /// <param name="time">The clock of the back-off.</param>
    /// <param name="backOff">How long to leave the store alone after an outage; 1 second when null, else more than zero.</param>
    public OutageBackOff(TimeProvider time, TimeSpan? backOff)
    {
        var wait = backOff ?? TimeSpan.FromSeconds(1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(wait, TimeSpan.Zero, nameof(backOff));
        _time = time;
        _backOff = (long)Math.Ceiling(wait.TotalSeconds * time.TimestampFrequency);
    }

    /// <summary>Gets how many calls found the store out (at most about one per back-off while an outage lasts).</summary>
    public long Outages => Interlocked.Read(ref _outages);

    /// <summary>Gets whether no outage is going on.</summary>
    public bool IsHealthy => Volatile.Read(ref _retryAt) == Healthy;

    /// <summary>Returns whether this call should try the store: always while it is healthy; during an outage, one caller once the back-off is over.</summary>
    public bool TryPrimary()
    {
        var retryAt = Volatile.Read(ref _retryAt);
        if (retryAt == Healthy)
        {
            return true;
        }

        var now = _time.GetTimestamp();
        return now >= retryAt && Interlocked.CompareExchange(ref _retryAt, now + _backOff, retryAt) == retryAt;
    }

    /// <summary>Records a call that reached the store; returns true when it ended an outage (for the one caller that ended it).</summary>
    public bool Recovered() => Volatile.Read(ref _retryAt) != Healthy && Interlocked.Exchange(ref _retryAt, Healthy) != Healthy;

    /// <summary>Records a call that found the store out: the back-off starts again.</summary>
    public void Out()
    {
        Interlocked.Increment(ref _outages);
        Volatile.Write(ref _retryAt, _time.GetTimestamp() + _backOff);
    }
}
