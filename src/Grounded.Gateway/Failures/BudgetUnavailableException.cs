namespace Grounded.Gateway.Failures;

/// <summary>The shared budget store (Redis) cannot be reached and <c>limits.onRedisFailure</c> is <c>closed</c>: 503, to retry in a second.</summary>
public sealed class BudgetUnavailableException : GatewayException
{
    /// <summary>Creates the failure.</summary>
    public BudgetUnavailableException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = "budget_unavailable";
        RetryAfter = TimeSpan.FromSeconds(1);
    }

    /// <inheritdoc />
    public override int Status => 503;

    /// <inheritdoc />
    public override string Type => "server_error";
}
