using Grounded.Hosting.Config;

namespace Grounded.Hosting.Tests.Config;

public sealed class GroundedConfigGatewayTests
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
    public void AModelWithoutAPriceIsPricedFromTheBuiltInTableAndAConfiguredPriceWins()
    {
        const string yaml = """
            models:
              - { name: mini, provider: openai, endpoint: http://x/v1, model: gpt-4o-mini-2024-07-18, contextWindow: 1000, maxOutputTokens: 10 }
              - { name: mine, provider: openai, endpoint: http://x/v1, model: gpt-4o-mini, contextWindow: 1000, maxOutputTokens: 10, price: { inputPerMTok: 1, outputPerMTok: 2, cachedInputPerMTok: 0.5 } }
              - { name: local, provider: openai, endpoint: http://x/v1, model: llama3, contextWindow: 1000, maxOutputTokens: 10 }
              - { name: partial, provider: openai, endpoint: http://x/v1, model: gpt-4o-mini, contextWindow: 1000, maxOutputTokens: 10, price: { cachedInputPerMTok: 0.01 } }
            """;

        var models = GroundedConfig.Parse(yaml, new Dictionary<string, string?>()).Gateway.Models;

        Assert.True(Gateway.Config.KnownPrices.TryFind("gpt-4o-mini", out var table));
        Assert.Equal((table.InputPerMTok, table.OutputPerMTok, $"builtin ({Gateway.Config.KnownPrices.AsOf})"), (models[0].InputPerMTok, models[0].OutputPerMTok, models[0].PriceSource));
        Assert.Equal((1d, 2d, (double?)0.5, "config"), (models[1].InputPerMTok, models[1].OutputPerMTok, models[1].CachedInputPerMTok, models[1].PriceSource));
        Assert.Equal((0d, 0d, "none"), (models[2].InputPerMTok, models[2].OutputPerMTok, models[2].PriceSource));
        Assert.Equal((table.InputPerMTok, table.OutputPerMTok, (double?)0.01), (models[3].InputPerMTok, models[3].OutputPerMTok, models[3].CachedInputPerMTok)); // never a silent zero
        Assert.Equal(1.5m / 1_000_000m + 2m / 1_000_000m, models[1].Cost(inputTokens: 2, outputTokens: 1, cachedInputTokens: 1));
    }

    [Fact]
    public void ReadsTheDocumentedExample()
    {
        var options = GroundedConfig.Parse(Example, new Dictionary<string, string?>());

        Assert.Equal(["small", "large"], options.Gateway.Models.Select(m => m.Name));
        Assert.Equal(new Uri("http://127.0.0.1:9000/v1"), options.Gateway.Models[0].Endpoint);
        Assert.Equal(0.60, options.Gateway.Models[0].OutputPerMTok);
        Assert.Equal(["large"], options.Gateway.Fallbacks["small"]);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Gateway.Resilience.BreakDuration);
        Assert.Equal(3, options.Gateway.Resilience.MaxAttempts);
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

        var error = Assert.Throws<ConfigException>(() => GroundedConfig.Parse(yaml, new Dictionary<string, string?>()));

        Assert.Contains(error.Problems, p => p.Contains("unknown provider 'azure'"));
        Assert.Contains(error.Problems, p => p.Contains("models.b: endpoint is required"));
        Assert.Contains(error.Problems, p => p.Contains("price.inputPerMTok must be a non-negative number"));
        Assert.Contains(error.Problems, p => p.Contains("'ghost', which is not a configured model"));
        Assert.Contains(error.Problems, p => p.Contains("cycle b -> c -> b"));
    }

    [Fact]
    public void EnvironmentVariablesOverrideValuesByModelName()
    {
        var options = GroundedConfig.Parse(Example, new Dictionary<string, string?>
        {
            ["GROUNDED__MODELS__SMALL__ENDPOINT"] = "http://10.0.0.5:8000/v1",
            ["GROUNDED__RESILIENCE__RETRY__MAXATTEMPTS"] = "7",
            ["GROUNDED_HOME"] = "/not/a/setting",
        });

        Assert.Equal(new Uri("http://10.0.0.5:8000/v1"), options.Gateway.Models[0].Endpoint);
        Assert.Equal(7, options.Gateway.Resilience.MaxAttempts);
    }

    [Fact]
    public void AnUnknownOverrideIsAProblemNotSilence()
    {
        var error = Assert.Throws<ConfigException>(() => GroundedConfig.Parse(Example, new Dictionary<string, string?>
        {
            ["GROUNDED__MODELS__NOPE__ENDPOINT"] = "http://x",
        }));

        Assert.Contains("GROUNDED__MODELS__NOPE__ENDPOINT", error.Message);
    }

    [Fact]
    public void ATypoInTheFileNamesItsLine()
    {
        var error = Assert.Throws<ConfigException>(() => GroundedConfig.Parse("models:\n  - name: a\n    endpont: http://x\n"));

        Assert.Contains("line 3", error.Message);
    }
}

public sealed class GroundedConfigKeysTests
{
    private const string OneModel = """
        models:
          - name: small
            provider: openai
            endpoint: http://127.0.0.1:9000/v1
            model: m
            contextWindow: 1000
            maxOutputTokens: 100

        """;

    [Fact]
    public void PlainKeysAreKeptOnlyAsTheirSha256()
    {
        var options = GroundedConfig.Parse(OneModel + "auth: { keys: [test] }");

        // printf %s test | sha256sum
        Assert.Equal(["9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"], options.Gateway.ApiKeyHashes);
    }

    [Fact]
    public void KeysWrittenAsSha256AreTakenAsHashes()
    {
        var options = GroundedConfig.Parse(OneModel + "auth: { keys: ['sha256:9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08'] }");

        Assert.Equal(["9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"], options.Gateway.ApiKeyHashes);
    }

    [Fact]
    public void WithoutAnAuthSectionNoKeyIsRequired()
    {
        Assert.Empty(GroundedConfig.Parse(OneModel).Gateway.ApiKeyHashes);
    }

    [Theory]
    [InlineData("auth: { keys: [''] }", "a key is empty")]
    [InlineData("auth: { keys: ['sha256:abc'] }", "64 hexadecimal digits")]
    [InlineData("auth: { keys: ['sha256:zz86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'] }", "64 hexadecimal digits")]
    public void UnusableKeysAreRejectedAtStartUp(string auth, string says)
    {
        var error = Assert.Throws<ConfigException>(() => GroundedConfig.Parse(OneModel + auth));

        Assert.Contains(error.Problems, p => p.Contains(says, StringComparison.Ordinal));
    }

    [Fact]
    public void ServerSettingsAreReadWithSafeDefaults()
    {
        var defaults = GroundedConfig.Parse(OneModel);
        var set = GroundedConfig.Parse(OneModel + "server: { maxRequestBodyBytes: 2048, logPrompts: true }");

        Assert.False(defaults.Gateway.LogPrompts);
        Assert.Equal(1 << 20, defaults.Gateway.MaxRequestBodyBytes);
        Assert.True(set.Gateway.LogPrompts);
        Assert.Equal(2048, set.Gateway.MaxRequestBodyBytes);
    }
}
