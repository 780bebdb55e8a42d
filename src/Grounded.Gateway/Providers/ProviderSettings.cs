namespace Grounded.Gateway.Providers;

/// <summary>What every provider client is made with.</summary>
/// <param name="NetworkTimeout">How long one HTTP call may take before the SDK gives up (the gateway's attempt timeout plus a margin).</param>
/// <param name="Environment">Reads an environment variable (the model's API key).</param>
public sealed record ProviderSettings(TimeSpan NetworkTimeout, Func<string, string?> Environment)
{
    /// <summary>Returns the model's API key from the variable it names, or null.</summary>
    public string? ApiKey(string? variable) => variable is { Length: > 0 } name && Environment(name) is { Length: > 0 } key ? key : null;
}
