using Grounded.Gateway.Config;
using Grounded.Testing.Upstream;

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

    public static ResilienceOptions Resilience(int attempts = 3, int threshold = 5) => new()
    {
        MaxAttempts = attempts, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(10), Jitter = 0,
        FailureThreshold = threshold, BreakDuration = TimeSpan.FromSeconds(30), AttemptTimeout = TimeSpan.FromSeconds(5),
    };
}
