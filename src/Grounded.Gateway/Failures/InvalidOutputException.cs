namespace Grounded.Gateway.Failures;

/// <summary>
/// The model's answer did not match the JSON schema the request's <c>response_format</c> asked for, even after the one
/// repair attempt: 502 (the upstream's answer is unusable, the request was fine; clients may retry), code
/// <c>schema_validation_failed</c>, with the validation errors (paths and rules, no values).
/// </summary>
public sealed class InvalidOutputException : GatewayException
{
    /// <summary>Creates the failure with the validation errors.</summary>
    public InvalidOutputException(IReadOnlyList<string> errors, string? model = null)
        : base($"the model's answer does not match the requested JSON schema after a repair attempt: {string.Join("; ", errors.Take(5))}")
    {
        Errors = errors;
        Code = "schema_validation_failed";
        Param = "response_format";
        Model = model;
    }

    /// <summary>Gets the validation errors of the last answer.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <inheritdoc />
    public override int Status => 502;

    /// <inheritdoc />
    public override string Type => "server_error";
}
