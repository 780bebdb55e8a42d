namespace Grounded.Gateway.Failures;

/// <summary>The request is wrong and was refused before any provider call: 400, or 404 (unknown model), 413 (too large), 422 (unusable content).</summary>
public sealed class InvalidRequestException : GatewayException
{
    /// <summary>Creates the failure; <paramref name="status"/> must be a 4xx.</summary>
    public InvalidRequestException(string message, string? param = null, int status = 400)
        : base(message)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 499);
        Status = status;
        Param = param;
    }

    /// <inheritdoc />
    public override int Status { get; }

    /// <summary>Returns the 404 for a model name the configuration does not have, listing the ones it has.</summary>
    public static InvalidRequestException UnknownModel(string name, IEnumerable<string> known)
    {
        var names = string.Join(", ", known);
        return new(names.Length == 0
            ? $"The model '{name}' does not exist: no models are configured (add a models section to the config file; see docs/gateway.md)"
            : $"The model '{name}' does not exist. Known models: {names}", "model", 404) { Code = "model_not_found" };
    }
}
