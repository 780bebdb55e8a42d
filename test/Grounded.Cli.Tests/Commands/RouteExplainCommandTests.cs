using System.Text.Json;
using Grounded.Cli.Tests.Support;

namespace Grounded.Cli.Tests.Commands;

/// <summary><c>grounded route explain</c>: a route's decision for a prompt, from the config alone (no store, no model call).</summary>
public sealed class RouteExplainCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("grounded-route-").FullName;

    public RouteExplainCommandTests() => File.WriteAllText(Path.Combine(_dir, "grounded.yaml"), """
        models:
          - { name: small, provider: openai, endpoint: "http://127.0.0.1:9/v1", model: s, contextWindow: 128000, maxOutputTokens: 16000, price: { inputPerMTok: 0.15, outputPerMTok: 0.6 } }
          - { name: large, provider: openai, endpoint: "http://127.0.0.1:9/v1", model: l, contextWindow: 128000, maxOutputTokens: 16000, price: { inputPerMTok: 2.5, outputPerMTok: 10 } }
        routes:
          cheap: { default: small }
        """);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task ExplainPrintsTheBuiltInAutosDecisionItsReasonFeaturesAndTime()
    {
        var result = await CliRunner.RunAsync(_dir, "route", "explain", "Prove that there are infinitely many primes, step by step.", "--config", "grounded.yaml", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(("auto", "reasoning", "large"), (json.GetProperty("route").GetString(), json.GetProperty("class").GetString(), json.GetProperty("model").GetString()));
        Assert.Equal("reasoning: cues prove/step by step", json.GetProperty("reason").GetString());
        Assert.Equal(["prove", "step by step"], json.GetProperty("features").GetProperty("reasoningCues").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(1, json.GetProperty("features").GetProperty("userTurns").GetInt32());
        Assert.InRange(json.GetProperty("elapsedMicroseconds").GetDouble(), 0.01, 100_000);
    }

    [Fact]
    public async Task ANamedRouteAndMaxTokensAreHonoured()
    {
        var result = await CliRunner.RunAsync(_dir, "route", "explain", "Write a long story", "--route", "cheap", "--max-tokens", "9000", "--config", "grounded.yaml", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(("cheap", "longOutput", "small"), (json.GetProperty("route").GetString(), json.GetProperty("class").GetString(), json.GetProperty("model").GetString()));
        Assert.Equal(9000, json.GetProperty("features").GetProperty("maxOutputTokens").GetInt32());
    }

    [Fact]
    public async Task AnUnknownRouteIsAUserErrorListingTheRoutes()
    {
        var result = await CliRunner.RunAsync(_dir, "route", "explain", "hi", "--route", "fastest", "--config", "grounded.yaml");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: no route named 'fastest' (routes: cheap, auto)", Assert.Single(result.ErrorLines));
    }
}
