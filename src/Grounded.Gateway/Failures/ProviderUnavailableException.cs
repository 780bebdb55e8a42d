namespace Grounded.Gateway.Failures;

/// <summary>
/// One model could not serve this request (its retries ran out, its circuit is open, it timed out or answered
/// something unusable): the router tries the next model of the fallback chain. Not mapped to a response by itself.
/// </summary>
public sealed class ProviderUnavailableException : Exception
{
    public ProviderUnavailableException()
    {
    }

    public ProviderUnavailableException(string message)
        : base(message)
    {
    }

    public ProviderUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the configured model whose provider failed.</summary>
    public string Model { get; init; } = string.Empty;

    /// <summary>Gets the provider's name.</summary>
    public string Provider { get; init; } = string.Empty;

    /// <summary>Gets how many calls reached (or tried to reach) the provider.</summary>
    public int Attempts { get; init; }

    /// <summary>Gets the HTTP status of the provider's last answer, when it answered with one.</summary>
    public int? Status { get; init; }

    /// <summary>Gets whether the model was skipped because its circuit is open.</summary>
    public bool CircuitOpen { get; init; }

    /// <summary>Gets how long the provider asked to wait (Retry-After), or the rest of an open circuit's break.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Gets whether the provider said it is rate-limiting (429).</summary>
    public bool RateLimited => Status == 429;
}
