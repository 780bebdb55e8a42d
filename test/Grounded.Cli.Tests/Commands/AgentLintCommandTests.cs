using System.Text.Json;
using Grounded.Cli.Tests.Support;

namespace Grounded.Cli.Tests.Commands;

/// <summary><c>grounded agent lint</c>, and broken agent files given to <c>agent run</c>: errors name the file and line, exit 1.</summary>
public sealed class AgentLintCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public AgentLintCommandTests() => _dir.Write("grounded.yaml", """
        models:
          - { name: small, provider: openai, endpoint: "http://127.0.0.1:9/v1", model: m, contextWindow: 8000, maxOutputTokens: 500 }
        """);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task AFileListingSearchDocumentsTwiceIsADuplicateToolErrorAndExits1()
    {
        _dir.Write("agents/twice.yaml", "name: twice\ninstructions: Answer from the documents.\nmodel: small\ntools:\n  - search_documents\n  - get_document\n  - search_documents\n");

        var result = await Run("agent", "lint", "agents/twice.yaml", "--json");

        Assert.True(result.ExitCode == 1, result.ToString());
        var report = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.False(report.GetProperty("valid").GetBoolean());
        var finding = Assert.Single(report.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "duplicate-tool");
        Assert.Equal(("error", "search_documents", 7), (finding.GetProperty("severity").GetString(), finding.GetProperty("tool").GetString(), finding.GetProperty("line").GetInt32()));
        Assert.Equal(1, report.GetProperty("errors").GetInt32());
    }

    [Fact]
    public async Task ACleanFileIsValidAndExits0()
    {
        _dir.Write("agents/researcher.yaml", "name: researcher\ninstructions: Answer from the documents and cite them.\nmodel: small\ntools: [search_documents, { name: calculate, requiresApproval: true }]\ncaps: { maxSteps: 3, maxUsd: 0.05, timeout: 60s }\n");

        var result = await Run("agent", "lint", "agents/researcher.yaml", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var report = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.True(report.GetProperty("valid").GetBoolean());
        Assert.Equal(0, report.GetProperty("errors").GetInt32());
    }

    [Theory]
    [InlineData("name: broken\ninstructions: x\nmodel: small\ncolour: blue\n", "line 4", "colour")]
    [InlineData("name: broken\ninstructions: x\nmodel: small\ncaps:\n  maxSteps: -2\n", "line 5", "maxSteps")]
    [InlineData("name: broken\ninstructions: x\nmodel: small\ncaps: { timeout: soon }\n", "line 4", "timeout")]
    public async Task ABrokenAgentFileIsAOneLineErrorNamingFileAndLineAndExits1(string yaml, string line, string field)
    {
        _dir.Write("agents/broken.yaml", yaml);

        var run = await Run("agent", "run", "--agent", "agents/broken.yaml", "anything");
        var lint = await Run("agent", "lint", "agents/broken.yaml");

        Assert.True(run.ExitCode == 1, run.ToString());
        var error = Assert.Single(run.ErrorLines);
        Assert.Contains("broken.yaml", error, StringComparison.Ordinal);
        Assert.Contains(line, error, StringComparison.Ordinal);
        Assert.Contains(field, error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.True(lint.ExitCode == 1, lint.ToString());
        Assert.Contains(line, lint.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAgentNamingAnUnknownModelIsRefusedBeforeAnyCall()
    {
        _dir.Write("agents/dreamer.yaml", "name: dreamer\ninstructions: Dream.\nmodel: huge\n");

        var result = await Run("agent", "run", "--agent", "agents/dreamer.yaml", "anything", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("model 'huge'", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    private Task<CliResult> Run(params string[] args) => CliRunner.RunAsync(_dir.Path, [.. args, "--store", "store", "--config", "grounded.yaml"]);
}
