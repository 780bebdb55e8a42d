using System.Text.Json;
using Grounded.Cli.Tests.Support;

namespace Grounded.Cli.Tests.Commands;

/// <summary><c>grounded prompts</c>: promotion behind the evaluation gate, rollback, show and history, run as a user would.</summary>
public sealed class PromptsCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public PromptsCommandTests()
    {
        _dir.Write("prompts/summary/1.0.0.yaml", Version("1.0.0", 0.80));
        _dir.Write("prompts/summary/1.1.0.yaml", Version("1.1.0", 0.70));
        _dir.Write("prompts/summary/1.2.0.yaml", Version("1.2.0", 0.79));
        _dir.Write("prompts/summary/2.0.0.yaml", Version("2.0.0", null, dataset: false));
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task PromoteRefusesAWorseVersionWithBothScoresThenRollbackRestoresThePreviousOne()
    {
        Assert.Equal(0, (await Run("prompts", "promote", "summary@1.0.0", "--env", "production")).ExitCode);

        var worse = await Run("prompts", "promote", "summary@1.1.0", "--env", "production");
        var within = await Run("prompts", "promote", "summary@1.2.0", "--env", "production", "--json");
        var rollback = await Run("prompts", "rollback", "summary", "--env", "production");
        var shown = Json(await Run("prompts", "show", "summary", "--env", "production", "--json"));
        var again = await Run("prompts", "rollback", "summary", "--env", "production");

        Assert.Equal(1, worse.ExitCode);
        Assert.Contains("0.7", worse.Stderr, StringComparison.Ordinal);
        Assert.Contains("0.8", worse.Stderr, StringComparison.Ordinal);
        Assert.Equal(("promoted", 0.79, 0.8), (Json(within).GetProperty("status").GetString(), Json(within).GetProperty("candidate_score").GetDouble(), Json(within).GetProperty("current_score").GetDouble()));
        Assert.Equal(0, rollback.ExitCode);
        Assert.Contains("1.2.0 -> 1.0.0", rollback.Stdout, StringComparison.Ordinal);
        Assert.Equal(("summary", "1.0.0"), (shown.GetProperty("id").GetString(), shown.GetProperty("version").GetString()));
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("no previous version", again.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForceIsNeededWithoutADatasetAndIsRecordedInTheHistoryAndAuditLog()
    {
        var refused = await Run("prompts", "promote", "summary@2.0.0", "--env", "staging");
        var forced = await Run("prompts", "promote", "summary@2.0.0", "--env", "staging", "--force");
        var history = Json(await Run("prompts", "history", "summary", "--json")).GetProperty("data");
        var audit = await Run("audit", "--json");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("no evaluation data set", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, forced.ExitCode);
        var entry = Assert.Single(history.EnumerateArray());
        Assert.Equal(("staging", "2.0.0", true), (entry.GetProperty("environment").GetString(), entry.GetProperty("version").GetString(), entry.GetProperty("forced").GetBoolean()));
        Assert.Contains("prompt.promoted", audit.Stdout, StringComparison.Ordinal);
        Assert.Contains("env=staging from=none to=2.0.0 forced=true", audit.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInvalidRegistryListsEveryProblemAndExitsOne()
    {
        _dir.Write("prompts/broken/1.0.0.yaml", "id: broken\nversion: one\nparameters: { temperature: 3 }\ntemplate: { user: \"{{x}}\" }\n");

        var result = await Run("prompts", "list");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("version 'one' is not a semantic version", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("temperature must be between 0 and 2", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("does not declare 'x'", result.Stderr, StringComparison.Ordinal);
    }

    private Task<CliResult> Run(params string[] args) => CliRunner.RunAsync(_dir.Path, [.. args, "--store", "store"]);

    private static JsonElement Json(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        return document.RootElement.Clone();
    }

    private static string Version(string version, double? score, bool dataset = true) => $$$"""
        id: summary
        version: {{{version}}}
        author: test
        variables: [text]
        template:
          user: "Summarize: {{text}}"
        {{{(dataset ? $"evaluation:\n  dataset: ../../data/summary.jsonl\n  metric: token_f1\n" + (score is { } s ? $"  score: {s.ToString(System.Globalization.CultureInfo.InvariantCulture)}\n" : "") : "")}}}
        """;
}
