namespace Grounded.Gateway.Config;

/// <summary>How provider calls are retried, broken and timed out.</summary>
public sealed record ResilienceOptions
{
    /// <summary>Gets how many times one provider is tried per request, the first try included.</summary>
    /// <value>The default is 3.</value>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Gets the delay before the first retry; it doubles with each retry.</summary>
    /// <value>The default is 1 second.</value>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets the longest delay between two tries (also caps a provider's Retry-After).</summary>
    /// <value>The default is 60 seconds.</value>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets the random extra delay, as a fraction of the delay (0 to 1).</summary>
    /// <value>The default is 0.5.</value>
    public double Jitter { get; init; } = 0.5;

    /// <summary>Gets how many consecutive failures open a provider's circuit.</summary>
    /// <value>The default is 5.</value>
    public int FailureThreshold { get; init; } = 5;

    /// <summary>Gets how long an open circuit rejects calls before it lets one probe through.</summary>
    /// <value>The default is 30 seconds.</value>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets the longest one try may take.</summary>
    /// <value>The default is 60 seconds.</value>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets the longest one provider may take for a request, retries and delays included.</summary>
    /// <value>The default is 5 minutes.</value>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromMinutes(5);
}
