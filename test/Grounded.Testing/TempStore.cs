using Grounded.Rag;
using Grounded.Rag.Ingest;

namespace Grounded.Testing;

/// <summary>An embedded store in a temporary folder, indexed once with the real embedding model from a few small documents (their sources are relative to <see cref="Directory"/>).</summary>
public sealed class TempStore : IDisposable
{
    private readonly TempDirectory _directory = new();

    private TempStore()
    {
    }

    /// <summary>Gets the folder holding the documents (under <c>docs/</c>) and the store.</summary>
    public string Directory => _directory.Path;

    /// <summary>Gets the store's location.</summary>
    public string Location => _directory.Combine("store");

    /// <summary>Gets three short documents on different subjects: ocean tides, the Moon, baking bread.</summary>
    public static IReadOnlyDictionary<string, string> ThreeSubjects { get; } = new Dictionary<string, string>
    {
        ["docs/tides.txt"] = "Ocean tides are caused mainly by the gravitational pull of the Moon on the oceans.\n\nMost coasts see two high tides and two low tides every lunar day.\n",
        ["docs/moon.txt"] = "The Moon orbits the Earth in about 27 days, and its pull on the ocean slows the Earth's spin.\n",
        ["docs/bread.md"] = "# Baking bread\n\nBread dough rises because yeast ferments the sugars in flour and releases carbon dioxide gas.\n",
    };

    /// <summary>Writes <paramref name="files"/> (name → text) and indexes them into a new store.</summary>
    public static async Task<TempStore> CreateAsync(IReadOnlyDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var store = new TempStore();
        foreach (var (name, text) in files)
        {
            store._directory.Write(name, text);
        }

        await using var rag = await LocalRag.OpenAsync(new LocalRagOptions { Store = store.Location });
        var report = await rag.Ingestion().IngestAsync([.. files.Keys.Select(f => store._directory.Combine(f))], new IngestOptions { SourceBase = store.Directory });
        Assert.True(report.Failures.Count == 0, string.Join("; ", report.Failures.Select(f => $"{f.Source}: {f.Error}")));
        return store;
    }

    public void Dispose() => _directory.Dispose();
}
