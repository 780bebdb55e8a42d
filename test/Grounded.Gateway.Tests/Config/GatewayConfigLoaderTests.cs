using Grounded.Gateway.Config;

namespace Grounded.Gateway.Tests.Config;

public sealed class GatewayConfigLoaderTests
{
    private const string Example = """
        models:
          - name: small
            provider: openai
            endpoint: http://127.0.0.1:9000/v1
            model: gpt-4o-mini
            apiKeyEnv: OPENAI_API_KEY
            contextWindow: 128000
            maxOutputTokens: 16384
            price: { inputPerMTok: 0.15, outputPerMTok: 0.60 }
          - name: large
            provider: anthropic
            model: claude-x
            contextWindow: 200000
            maxOutputTokens: 8000
        fallbacks: { small: [large] }
        resilience:
          retry: { maxAttempts: 3, baseDelay: 1s, maxDelay: 60s, jitter: 0.5 }
          circuitBreaker: { failureThreshold: 5, breakDuration: 30s }
          attemptTimeout: 60s
        """;

    [Fact]
    public void ReadsTheDocumentedExample()
    {
        var options = GatewayConfigLoader.Parse(Example, new Dictionary<string, string?>());

        Assert.Equal(["small", "large"], options.Models.Select(m => m.Name));
        Assert.Equal(new Uri("http://127.0.0.1:9000/v1"), options.Models[0].Endpoint);
        Assert.Equal(0.60, options.Models[0].OutputPerMTok);
        Assert.Equal(["large"], options.Fallbacks["small"]);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Resilience.BreakDuration);
        Assert.Equal(3, options.Resilience.MaxAttempts);
    }

    [Fact]
    public void ListsEveryProblemAtOnce()
    {
        const string yaml = """
            models:
              - name: a
                provider: azure
                model: m
                contextWindow: 100
                maxOutputTokens: 10
              - name: b
                provider: openai
                model: m
                contextWindow: 100
                maxOutputTokens: 10
                price: { inputPerMTok: -1, outputPerMTok: 0 }
              - name: c
                provider: openai
                endpoint: http://x/v1
                model: m
                contextWindow: 100
                maxOutputTokens: 10
            fallbacks: { a: [ghost], b: [c], c: [b] }
            """;

        var error = Assert.Throws<GatewayConfigException>(() => GatewayConfigLoader.Parse(yaml, new Dictionary<string, string?>()));

        Assert.Contains(error.Problems, p => p.Contains("unknown provider 'azure'"));
        Assert.Contains(error.Problems, p => p.Contains("models.b: endpoint is required"));
        Assert.Contains(error.Problems, p => p.Contains("price must not be negative"));
        Assert.Contains(error.Problems, p => p.Contains("'ghost', which is not a configured model"));
        Assert.Contains(error.Problems, p => p.Contains("cycle b -> c -> b"));
    }

    [Fact]
    public void EnvironmentVariablesOverrideValuesByModelName()
    {
        var options = GatewayConfigLoader.Parse(Example, new Dictionary<string, string?>
        {
            ["GROUNDED__MODELS__SMALL__ENDPOINT"] = "http://10.0.0.5:8000/v1",
            ["GROUNDED__RESILIENCE__RETRY__MAXATTEMPTS"] = "7",
            ["GROUNDED_HOME"] = "/not/a/setting",
        });

        Assert.Equal(new Uri("http://10.0.0.5:8000/v1"), options.Models[0].Endpoint);
        Assert.Equal(7, options.Resilience.MaxAttempts);
    }

    [Fact]
    public void AnUnknownOverrideIsAProblemNotSilence()
    {
        var error = Assert.Throws<GatewayConfigException>(() => GatewayConfigLoader.Parse(Example, new Dictionary<string, string?>
        {
            ["GROUNDED__MODELS__NOPE__ENDPOINT"] = "http://x",
        }));

        Assert.Contains("GROUNDED__MODELS__NOPE__ENDPOINT", error.Message);
    }

    [Fact]
    public void ATypoInTheFileNamesItsLine()
    {
        var error = Assert.Throws<GatewayConfigException>(() => GatewayConfigLoader.Parse("models:\n  - name: a\n    endpont: http://x\n"));

        Assert.Contains("line 3", error.Message);
    }
}
