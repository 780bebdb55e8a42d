using Grounded.Rag;

namespace Grounded.Server.Tests.Support;

/// <summary>A store with three small documents, indexed once (loading the embedding model is the slow part) and shared.</summary>
public sealed class IndexedStoreFixture : IAsyncLifetime
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("grounded-server-store-").FullName;

    public string Store => Path.Combine(Directory, "store");

    public async Task InitializeAsync()
    {
        var docs = Path.Combine(Directory, "docs");
        System.IO.Directory.CreateDirectory(docs);
        await File.WriteAllTextAsync(Path.Combine(docs, "tides.txt"), "Ocean tides are caused mainly by the gravitational pull of the Moon on the oceans.\n\nMost coasts see two high tides and two low tides every lunar day.\n");
        await File.WriteAllTextAsync(Path.Combine(docs, "moon.txt"), "The Moon orbits the Earth in about 27 days, and its pull on the ocean slows the Earth's spin.\n");
        await File.WriteAllTextAsync(Path.Combine(docs, "bread.md"), "# Baking bread\n\nBread dough rises because yeast ferments the sugars in flour and releases carbon dioxide gas.\n");
        await using var rag = await LocalRag.OpenAsync(new LocalRagOptions { StoreDirectory = Store });
        var report = await rag.Ingestion().IngestAsync([docs], new Grounded.Rag.Ingest.IngestOptions { SourceBase = Directory });
        Assert.Equal(3, report.Added);
    }

    public Task DisposeAsync()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
        return Task.CompletedTask;
    }
}
