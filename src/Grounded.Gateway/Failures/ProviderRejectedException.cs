namespace Grounded.Gateway.Failures;

/// <summary>
/// The provider refused the request itself (400, 404, 409, 413, 422): trying again or elsewhere would not help, so the
/// caller gets the provider's status and message as they were, saying which model and provider answered.
/// </summary>
public sealed class ProviderRejectedException : GatewayException
{
    private readonly string _type;

    /// <summary>Creates the failure from the provider's answer.</summary>
    public ProviderRejectedException(int status, string message, string? type, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        _type = string.IsNullOrEmpty(type) ? "invalid_request_error" : type;
    }

    /// <inheritdoc />
    public override int Status { get; }

    /// <inheritdoc />
    public override string Type => _type;
}
