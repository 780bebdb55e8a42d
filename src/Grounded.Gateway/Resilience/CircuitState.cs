namespace Grounded.Gateway.Resilience;

/// <summary>The state of a provider's circuit.</summary>
public enum CircuitState
{
    /// <summary>Calls go through.</summary>
    Closed,

    /// <summary>Calls are rejected without reaching the provider.</summary>
    Open,

    /// <summary>The break is over: the next call is a probe that closes or reopens the circuit.</summary>
    HalfOpen,
}
