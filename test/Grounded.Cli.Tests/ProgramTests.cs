using Grounded.Cli.Tests.Support;

namespace Grounded.Cli.Tests;

public sealed class ProgramTests
{
    [Fact]
    public async Task HelpExitsCleanlyAndShowsExamplesOfEveryVerb()
    {
        using var dir = new TempDirectory();

        var result = await CliRunner.RunAsync(dir.Path, "--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("EXAMPLES:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("grounded ask \"How does Grounded decide to abstain?\"", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("grounded ingest ./docs", result.Stdout, StringComparison.Ordinal);
        foreach (var verb in new[] { "ask", "search", "ingest", "reindex", "status" })
        {
            Assert.Contains($"    {verb} ", result.Stdout, StringComparison.Ordinal);
        }

        var flowed = string.Join(' ', result.Stdout.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("citing sources as [n], or abstain", flowed, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stderr);
    }

    [Theory]
    [InlineData("ask")]
    [InlineData("search")]
    [InlineData("ingest")]
    [InlineData("reindex")]
    [InlineData("serve")]
    [InlineData("mcp")]
    [InlineData("status")]
    [InlineData("eval", "retrieval")]
    [InlineData("eval", "chunking")]
    [InlineData("db", "migrate")]
    [InlineData("bench", "ann")]
    [InlineData("route", "explain")]
    [InlineData("eval", "run")]
    [InlineData("eval", "agreement")]
    [InlineData("eval", "generate")]
    [InlineData("eval", "drift")]
    [InlineData("eval", "export-feedback")]
    [InlineData("prompts", "list")]
    [InlineData("prompts", "show")]
    [InlineData("prompts", "diff")]
    [InlineData("prompts", "promote")]
    [InlineData("prompts", "rollback")]
    [InlineData("prompts", "history")]
    [InlineData("guard", "check")]
    [InlineData("guard", "eval")]
    [InlineData("cost", "report")]
    [InlineData("cost", "estimate")]
    [InlineData("agent", "run")]
    [InlineData("agent", "lint")]
    [InlineData("agent", "trace")]
    [InlineData("agent", "approve")]
    [InlineData("agent", "reject")]
    [InlineData("agent", "list")]
    public async Task EveryVerbsHelpExitsCleanlyWithItsOptions(params string[] verb)
    {
        using var dir = new TempDirectory();

        var result = await CliRunner.RunAsync(dir.Path, [.. verb, "--help"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("--json", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stderr);
    }
}
