using System.Globalization;
using System.Text.Json;
using Grounded.Cli.Tests.Support;
using Grounded.Testing.Upstream;

namespace Grounded.Cli.Tests.Commands;

/// <summary>
/// <c>grounded prompts</c>: promotion behind the evaluation gate (each version's data set really run through it, against a
/// scripted model that echoes the user message, so a version's template decides its score), rollback, show and history.
/// </summary>
public sealed class PromptsCommandTests : IAsyncLifetime, IDisposable
{
    // The model replies "[small] echo: <user message>"; against the answer "blue whale", a bare question scores token F1 0.6667
    // (4 tokens, 2 right) and one padded with "zebra" four times 0.4 (8 tokens, 2 right).
    private const string Best = "0.6667";
    private const string Worse = "0.4";

    private readonly TempDirectory _dir = new();
    private ScriptableUpstream _upstream = null!;

    public async Task InitializeAsync()
    {
        _upstream = await ScriptableUpstream.StartAsync("small");
        _dir.Write("grounded.yaml", $"""
            models:
              - {"{"} name: small, provider: openai, endpoint: "{_upstream.Endpoint}", model: small-model, contextWindow: 4000, maxOutputTokens: 200 {"}"}
            resilience:
              retry: {"{"} maxAttempts: 1 {"}"}
            """);
        _dir.Write("data/summary.jsonl", """
            {"question": "blue whale", "answers": ["blue whale"]}
            {"question": "sperm whale", "answers": ["sperm whale"]}
            """);
        _dir.Write("prompts/summary/1.0.0.yaml", Version("1.0.0", "{{question}}"));
        _dir.Write("prompts/summary/1.1.0.yaml", Version("1.1.0", "zebra zebra zebra zebra {{question}}", score: 0.99)); // a recorded score is not trusted
        _dir.Write("prompts/summary/1.2.0.yaml", Version("1.2.0", "{{question}}", system: "Be brief."));
        _dir.Write("prompts/summary/2.0.0.yaml", Version("2.0.0", "{{question}}", dataset: false));
        _dir.Write("prompts/plain/1.0.0.yaml", Version("1.0.0", "{{question}}", id: "plain", model: null));
    }

    public async Task DisposeAsync() => await _upstream.DisposeAsync();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task PromoteRefusesAWorseVersionWithBothScoresThenRollbackRestoresThePreviousOne()
    {
        Assert.Equal(0, (await Run("prompts", "promote", "summary@1.0.0", "--env", "production")).ExitCode);

        var worse = await Run("prompts", "promote", "summary@1.1.0", "--env", "production");
        var equal = Json(await Run("prompts", "promote", "summary@1.2.0", "--env", "production", "--json"));
        var rollback = await Run("prompts", "rollback", "summary", "--env", "production");
        var shown = Json(await Run("prompts", "show", "summary", "--env", "production", "--json"));
        var again = await Run("prompts", "rollback", "summary", "--env", "production");

        Assert.Equal(1, worse.ExitCode);
        Assert.Contains($"token_f1 {Worse} is below summary@1.0.0's {Best}", worse.Stderr, StringComparison.Ordinal);
        Assert.Contains(_upstream.Bodies, b => b.Contains("zebra zebra zebra zebra blue whale", StringComparison.Ordinal)); // the candidate's template was run
        Assert.Equal(("promoted", "eval"), (equal.GetProperty("status").GetString(), equal.GetProperty("evaluator").GetString()));
        Assert.Equal(equal.GetProperty("current_score").GetDouble(), equal.GetProperty("candidate_score").GetDouble(), 6);
        Assert.Equal(0.6667, equal.GetProperty("candidate_score").GetDouble(), 3);
        Assert.Equal(0, rollback.ExitCode);
        Assert.Contains("1.2.0 -> 1.0.0", rollback.Stdout, StringComparison.Ordinal);
        Assert.Equal(("summary", "1.0.0"), (shown.GetProperty("id").GetString(), shown.GetProperty("version").GetString()));
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("no previous version", again.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithNoActiveVersionTheCandidateMustNotScoreWorseThanTheVersionInUse()
    {
        var worse = await Run("prompts", "promote", "summary@1.1.0", "--env", "canary");

        Assert.Equal(1, worse.ExitCode);
        Assert.Contains($"token_f1 {Worse} is below summary@2.0.0's (in use with no active version: newest release) {Best}", worse.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForcePromotesAWorseVersionAndIsRecordedInTheHistoryAndAuditLog()
    {
        Assert.Equal(0, (await Run("prompts", "promote", "summary@1.0.0", "--env", "staging")).ExitCode);

        var forced = Json(await Run("prompts", "promote", "summary@1.1.0", "--env", "staging", "--force", "--json"));
        var history = Json(await Run("prompts", "history", "summary", "--json")).GetProperty("data");
        var audit = await Run("audit", "--json");

        Assert.Equal(("promoted", true), (forced.GetProperty("status").GetString(), forced.GetProperty("forced").GetBoolean()));
        Assert.Equal(0.4, forced.GetProperty("candidate_score").GetDouble(), 3);
        var latest = history.EnumerateArray().First(h => h.GetProperty("version").GetString() == "1.1.0");
        Assert.Equal(("staging", "1.0.0", true), (latest.GetProperty("environment").GetString(), latest.GetProperty("previous").GetString(), latest.GetProperty("forced").GetBoolean()));
        Assert.Contains("env=staging from=1.0.0 to=1.1.0 forced=true", audit.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutADatasetOrAModelTheGateCannotScoreAndNeedsForce()
    {
        var noDataset = await Run("prompts", "promote", "summary@2.0.0", "--env", "staging");
        var noModel = await Run("prompts", "promote", "plain@1.0.0", "--env", "staging");
        var forced = await Run("prompts", "promote", "plain@1.0.0", "--env", "staging", "--force");

        Assert.Equal(1, noDataset.ExitCode);
        Assert.Contains("no evaluation data set", noDataset.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, noModel.ExitCode);
        Assert.Contains("no model to run plain@1.0.0", noModel.Stderr, StringComparison.Ordinal);
        Assert.Contains("--force", noModel.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, forced.ExitCode);
        Assert.Contains("promoted unscored because --force was given", forced.Stdout, StringComparison.Ordinal);
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

    [Fact]
    public async Task ListAndShowSayWhichVersionIsUsedWithoutAPointerAndWhy()
    {
        _dir.Write("prompts/grounded-answer/3.0.0.yaml", "id: grounded-answer\nversion: 3.0.0\nvariables: [abstention, sources, question]\ntemplate:\n  user: \"{{abstention}} {{sources}} {{question}}\"\n");

        var shown = Json(await Run("prompts", "show", "grounded-answer", "--json"));
        var listed = Json(await Run("prompts", "list", "--json")).GetProperty("data").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "grounded-answer");
        var human = await Run("prompts", "show", "grounded-answer");

        Assert.Equal(("2.0.0", "no pointer in production: built-in default"), (shown.GetProperty("version").GetString(), shown.GetProperty("why").GetString()));
        Assert.Equal(("2.0.0", "3.0.0"), (listed.GetProperty("used").GetString(), listed.GetProperty("latest").GetString()));
        Assert.Contains("no pointer in production: built-in default: grounded-answer@2.0.0 is used", human.Stdout, StringComparison.Ordinal);
    }

    private Task<CliResult> Run(params string[] args) => CliRunner.RunAsync(_dir.Path, [.. args, "--store", "store", "--config", "grounded.yaml"]);

    private static JsonElement Json(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        return document.RootElement.Clone();
    }

    private static string Version(string version, string user, string id = "summary", string? model = "small", string? system = null, bool dataset = true, double? score = null) => $"""
        id: {id}
        version: {version}
        author: test
        {(model is null ? "" : "model: " + model)}
        variables: [question]
        template:
          system: "{system ?? ""}"
          user: "{user}"
        {(dataset ? "evaluation:\n  dataset: ../../data/summary.jsonl\n  metric: token_f1\n" + (score is { } s ? "  score: " + s.ToString(CultureInfo.InvariantCulture) + "\n" : "") : "")}
        """;
}
