namespace Grounded.Gateway.Failures;

/// <summary>Every model that could serve was rate-limited (429), retries and failover included: the caller should wait <see cref="GatewayException.RetryAfter"/>.</summary>
public sealed class RateLimitedException : GatewayException
{
    /// <summary>Creates the failure.</summary>
    public RateLimitedException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <inheritdoc />
    public override int Status => 429;

    /// <inheritdoc />
    public override string Type => "rate_limit_error";
}
