namespace Grounded.Gateway.Failures;

/// <summary>
/// A request the gateway could not serve, as a value the host maps to a response once: an HTTP status, OpenAI's error
/// fields (type, code, param), and which model and provider it concerns. Every expected failure is one of these; any
/// other exception is a bug.
/// </summary>
public abstract class GatewayException : Exception
{
    protected GatewayException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the HTTP status the failure maps to.</summary>
    public abstract int Status { get; }

    /// <summary>Gets OpenAI's error type, e.g. <c>invalid_request_error</c>.</summary>
    public virtual string Type => "invalid_request_error";

    /// <summary>Gets OpenAI's error code, e.g. <c>model_not_found</c>; null when none applies.</summary>
    public string? Code { get; init; }

    /// <summary>Gets the request parameter at fault, e.g. <c>temperature</c>; null when none.</summary>
    public string? Param { get; init; }

    /// <summary>Gets the configured model the failure concerns, if one.</summary>
    public string? Model { get; init; }

    /// <summary>Gets the provider the failure came from (<c>openai</c>, <c>anthropic</c>), if one.</summary>
    public string? Provider { get; init; }

    /// <summary>Gets how long the caller should wait before trying again, when known (sent as <c>Retry-After</c>).</summary>
    public TimeSpan? RetryAfter { get; init; }
}
