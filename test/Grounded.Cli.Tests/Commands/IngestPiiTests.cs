using System.Text.Json;
using Grounded.Cli.Tests.Support;

namespace Grounded.Cli.Tests.Commands;

public sealed class IngestPiiTests : IDisposable
{
    private const string Email = "maria.gonzalez@example.org";
    private readonly TempDirectory _dir = new();

    public IngestPiiTests()
    {
        _dir.Write("docs/payroll.txt", $"Payroll questions go to {Email}, who runs payroll every month.\n\nPayslips are sent on the last working day.\n");
        _dir.Write("docs/tides.txt", "Ocean tides are caused mainly by the gravitational pull of the Moon on the oceans.\n");
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task AfterIngestWithPiiRedactSearchCannotFindTheRawEmail()
    {
        var ingest = await CliRunner.RunAsync(_dir.Path, "ingest", "docs", "--store", "store", "--pii", "redact");
        Assert.True(ingest.ExitCode == 0, ingest.ToString());
        Assert.Contains("personal data redacted: 1 EMAIL_ADDRESS in 1 document", ingest.Stdout, StringComparison.Ordinal);

        var byWords = await CliRunner.RunAsync(_dir.Path, "search", "who answers payroll questions", "--store", "store", "--json");
        var byAddress = await CliRunner.RunAsync(_dir.Path, "search", Email, "--mode", "keyword", "--store", "store", "--json");

        var found = Texts(byWords);
        Assert.Contains(found, t => t.Contains("Payroll questions go to <EMAIL_ADDRESS>, who runs payroll", StringComparison.Ordinal));
        Assert.All(found.Concat(Texts(byAddress)), t => Assert.DoesNotContain(Email, t, StringComparison.Ordinal));
        Assert.All(Directory.GetFiles(_dir.Combine("store")), file => Assert.DoesNotContain("gonzalez", File.ReadAllText(file), StringComparison.OrdinalIgnoreCase));
    }

    // The texts of the chunks a search listed (its JSON also repeats the query, which the caller typed).
    private static List<string> Texts(CliResult search)
    {
        Assert.True(search.ExitCode == 0, search.ToString());
        using var json = JsonDocument.Parse(search.Stdout);
        return [.. json.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("text").GetString()!)];
    }

    [Fact]
    public async Task IngestWithPiiFlagReportsTheCountsPerDocumentAndType()
    {
        var result = await CliRunner.RunAsync(_dir.Path, "ingest", "docs", "--store", "store", "--pii", "flag", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var pii = json.RootElement.GetProperty("pii");
        Assert.Equal("flag", pii.GetProperty("mode").GetString());
        Assert.Equal(1, pii.GetProperty("byType").GetProperty("EMAIL_ADDRESS").GetInt32());
        var document = Assert.Single(pii.GetProperty("documents").EnumerateArray());
        Assert.EndsWith("payroll.txt", document.GetProperty("source").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, document.GetProperty("byType").GetProperty("EMAIL_ADDRESS").GetInt32());
        Assert.Contains(Texts(await CliRunner.RunAsync(_dir.Path, "search", "who answers payroll questions", "--store", "store", "--json")), t => t.Contains(Email, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnUnknownPiiModeExitsWithAOneLineUserError()
    {
        var result = await CliRunner.RunAsync(_dir.Path, "ingest", "docs", "--store", "store", "--pii", "mask");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--pii must be flag or redact (got 'mask')", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.Combine("store")));
    }
}
