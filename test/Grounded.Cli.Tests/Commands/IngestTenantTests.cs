using System.Text.Json;
using Grounded.Cli.Tests.Support;

namespace Grounded.Cli.Tests.Commands;

/// <summary><c>grounded ingest --tenant</c>: the CLI is admin of the default tenant, so another tenant's documents stay out of its answers and its pruning.</summary>
public sealed class IngestTenantTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("grounded-tenant-ingest-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task DocumentsIngestedForAnotherTenantAreNotAnsweredFromByTheLocalCliNorPrunedByItsIngest()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "acme"));
        Directory.CreateDirectory(Path.Combine(_dir, "mine"));
        await File.WriteAllTextAsync(Path.Combine(_dir, "acme", "memo.md"), "Project Halcyon quarterly revenue reached 41 million euros.\n");
        await File.WriteAllTextAsync(Path.Combine(_dir, "mine", "kiln.md"), "A pottery kiln fires clay at about 1200 degrees Celsius.\n");

        Assert.Equal(0, (await Run("ingest", "acme", "--tenant", "acme", "--groups", "finance")).ExitCode);
        Assert.Equal(0, (await Run("ingest", "mine", "--prune")).ExitCode);
        var answer = await Run("ask", "What was Project Halcyon quarterly revenue?", "--json");

        Assert.Equal(0, answer.ExitCode);
        Assert.True(JsonDocument.Parse(answer.Stdout).RootElement.GetProperty("abstained").GetBoolean(), answer.Stdout);
        Assert.Equal(2, JsonDocument.Parse((await Run("status", "--json")).Stdout).RootElement.GetProperty("documents").GetInt32());
    }

    [Fact]
    public async Task AnUnusableTenantNameIsAOneLineUserError()
    {
        await File.WriteAllTextAsync(Path.Combine(_dir, "a.md"), "text\n");

        var result = await Run("ingest", "a.md", "--tenant", "Acme Corp");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("'Acme Corp' is not a usable tenant name", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    private Task<CliResult> Run(params string[] args) => CliRunner.RunAsync(_dir, [.. args, "--store", "store"]);
}
