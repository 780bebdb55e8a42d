using Grounded.Gateway.Config;
using Grounded.Gateway.Providers;
using Grounded.Testing.Upstream;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Tests.Support;

internal static class Gateways
{
    public static ModelOptions OpenAi(string name, ScriptableUpstream upstream) => new()
    {
        Name = name, Provider = "openai", Endpoint = upstream.Endpoint, ProviderModel = name + "-model", ContextWindow = 8000, MaxOutputTokens = 1000,
    };

    public static ModelOptions Anthropic(string name, ScriptableUpstream upstream) => new()
    {
        Name = name, Provider = "anthropic", Endpoint = new Uri(upstream.Endpoint.ToString().Replace("/v1", string.Empty, StringComparison.Ordinal)),
        ProviderModel = "claude-test", ContextWindow = 8000, MaxOutputTokens = 1000,
    };

    /// <summary>Returns the model's raw provider client, as the gateway makes it (registry by name, the SDK's retries off).</summary>
    public static IChatClient Provider(ModelOptions model, TimeSpan? networkTimeout = null) =>
        ProviderRegistry.Default.Find(model.Provider)!.Create(model, new ProviderSettings(networkTimeout ?? TimeSpan.FromSeconds(30), _ => null));

    public static ResilienceOptions Resilience(int attempts = 3, int threshold = 5) => new()
    {
        MaxAttempts = attempts, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(10), Jitter = 0,
        FailureThreshold = threshold, BreakDuration = TimeSpan.FromSeconds(30), AttemptTimeout = TimeSpan.FromSeconds(5),
    };
}
