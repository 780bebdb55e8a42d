using System.Text.Json;

namespace Grounded.Cli.Tests.Support;

/// <summary>
/// A store that the CLI itself indexed from three small documents, shared by the tests that query it: every CLI run
/// loads the embedding model, so the suite keeps their number small.
/// </summary>
public sealed class IndexedStoreFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _dir = new();

    public string WorkingDirectory => _dir.Path;

    public string Store => _dir.Combine("store");

    public string Docs => _dir.Combine("docs");

    /// <summary>Gets the result of <c>grounded ingest docs --store store --json</c>.</summary>
    public CliResult Ingest { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _dir.Write("docs/tides.txt", "Ocean tides are caused mainly by the gravitational pull of the Moon on the oceans.\n\nMost coasts see two high tides and two low tides every lunar day.\n");
        _dir.Write("docs/bread.md", "# Baking bread\n\nBread dough rises because yeast ferments the sugars in flour and releases carbon dioxide gas.\n\n## Oven\n\nBake the loaf at 220 degrees Celsius for about 35 minutes.\n");
        _dir.Write("docs/solar.html", "<html><body><h1>Solar power</h1><p>Solar panels convert sunlight into electricity using photovoltaic cells. A typical home solar panel produces between 250 and 400 watts.</p></body></html>");
        Ingest = await CliRunner.RunAsync(WorkingDirectory, "ingest", "docs", "--store", "store", "--json");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _dir.Dispose();

    public Task<CliResult> RunAsync(params string[] args) => CliRunner.RunAsync(WorkingDirectory, args);

    public static JsonElement Json(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        return document.RootElement.Clone();
    }

    public static string[] Keys(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();
}

[CollectionDefinition(nameof(IndexedStoreFixture))]
public sealed class IndexedStoreCollection : ICollectionFixture<IndexedStoreFixture>;
