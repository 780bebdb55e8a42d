using Grounded.Gateway.Resilience;

namespace Grounded.Gateway.Route;

/// <summary>No model in the fallback chain could serve the request.</summary>
public sealed class GatewayUnavailableException : Exception
{
    public GatewayUnavailableException()
    {
    }

    public GatewayUnavailableException(string message)
        : base(message)
    {
    }

    public GatewayUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GatewayUnavailableException(IReadOnlyList<ProviderUnavailableException> failures)
        : base("no model could serve the request: " + string.Join("; ", failures.Select(f => f.Message)), failures.Count > 0 ? failures[^1] : null)
    {
        Failures = failures;
    }

    /// <summary>Gets each model's failure, in the order tried.</summary>
    public IReadOnlyList<ProviderUnavailableException> Failures { get; } = [];

    /// <summary>Gets the provider calls made in total.</summary>
    public int Attempts => Failures.Sum(f => f.Attempts);

    /// <summary>Gets whether every model was skipped because its circuit is open.</summary>
    public bool AllCircuitsOpen => Failures.Count > 0 && Failures.All(f => f.InnerException is Polly.CircuitBreaker.BrokenCircuitException);
}
