namespace Grounded.Gateway.Failures;

/// <summary>No model in the fallback chain could serve the request: 503 when every circuit is open, else 502 with each provider's reason.</summary>
public sealed class GatewayUnavailableException : GatewayException
{
    /// <summary>Creates the failure from each model's failure, in the order tried.</summary>
    public GatewayUnavailableException(IReadOnlyList<ProviderUnavailableException> failures)
        : base("no model could serve the request: " + string.Join("; ", failures.Select(f => f.Message)), failures.Count > 0 ? failures[^1] : null)
    {
        Failures = failures;
        Code = AllCircuitsOpen ? "upstream_unavailable" : "upstream_error";
        Model = failures.Count > 0 ? failures[0].Model : null;
        Provider = failures.Count > 0 ? failures[0].Provider : null;
        RetryAfter = AllCircuitsOpen ? failures.Min(f => f.RetryAfter) : null;
    }

    /// <summary>Gets each model's failure, in the order tried.</summary>
    public IReadOnlyList<ProviderUnavailableException> Failures { get; }

    /// <summary>Gets the provider calls made in total.</summary>
    public int Attempts => Failures.Sum(f => f.Attempts);

    /// <summary>Gets whether every model was skipped because its circuit is open.</summary>
    public bool AllCircuitsOpen => Failures.Count > 0 && Failures.All(f => f.CircuitOpen);

    /// <inheritdoc />
    public override int Status => AllCircuitsOpen ? 503 : 502;

    /// <inheritdoc />
    public override string Type => "server_error";
}
