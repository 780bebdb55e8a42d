namespace Grounded.Rag.Ingest;

/// <summary>What an ingestion run did.</summary>
public sealed record IngestReport(int Added, int Updated, int Unchanged, int Removed, int Chunks, IReadOnlyList<IngestFailure> Failures)
{
    /// <summary>Gets how many documents each chunking strategy wrote, by the strategy's name, such as "sections" or "code".</summary>
    public IReadOnlyDictionary<string, int> DocumentsByChunker { get; init; } = new Dictionary<string, int>();

    /// <summary>
    /// Gets how many of the documents written were read in each text encoding: "utf-8" (plain ASCII included),
    /// "utf-16le", "utf-16be", "utf-32le" or "utf-32be" (by their byte-order mark), "windows-1252" (assumed for text
    /// that is not valid UTF-8), or a charset an HTML page declares. Files that are not text (PDF, .docx) and files
    /// left unchanged, which are not read, are not counted.
    /// </summary>
    public IReadOnlyDictionary<string, int> DocumentsByEncoding { get; init; } = new Dictionary<string, int>();

    /// <summary>Gets the documents written that were read in an encoding other than UTF-8, so they can be found and checked.</summary>
    public IReadOnlyList<DocumentEncoding> LegacyEncodings { get; init; } = [];

    /// <summary>Gets how many files were empty (no bytes, or only whitespace) and so had nothing to index; an indexed earlier version of one is removed and counted in <see cref="Removed"/> too.</summary>
    public int Skipped { get; init; }

    /// <summary>Gets the documents written in which <c>--pii</c> found personal data, with counts by type; empty when none or when PII was not screened.</summary>
    public IReadOnlyList<DocumentPii> Pii { get; init; } = [];

    /// <summary>Gets how many personal data entities of each type <see cref="Pii"/> counts over all documents.</summary>
    public IReadOnlyDictionary<string, int> PiiByType =>
        Pii.SelectMany(d => d.ByType).GroupBy(p => p.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(p => p.Value), StringComparer.Ordinal);

    /// <summary>Gets how many files failed.</summary>
    public int Failed => Failures.Count;
}

/// <summary>A file that could not be ingested, and why.</summary>
public sealed record IngestFailure(string Source, string Error);

/// <summary>Progress of an ingestion run, reported after each file.</summary>
public sealed record IngestProgress(int FilesDone, int FilesTotal, string? Current);

/// <summary>Options of one ingestion run.</summary>
public sealed record IngestOptions
{
    /// <summary>Gets whether documents under the given folders whose files are gone are removed.</summary>
    public bool Prune { get; init; }

    /// <summary>Gets how many chunks are embedded and written together.</summary>
    /// <value>The default is 32.</value>
    public int BatchSize { get; init; } = 32;

    /// <summary>Gets the folder that sources are named relative to; when null, sources are named as the paths were given.</summary>
    public string? SourceBase { get; init; }

    /// <summary>Gets the collection the documents are filed under, for filtered search.</summary>
    /// <value>The default is empty: no collection.</value>
    public string Collection { get; init; } = string.Empty;

    /// <summary>
    /// Gets what a file is recorded as in the store (its document id is made from it, and pruning checks it) when not
    /// its full path: an upload to a shared store is recorded under a name of its own, the same on every server,
    /// rather than under one server's temporary path.
    /// </summary>
    /// <value>The default is null: the file's full path.</value>
    public Func<string, string>? StoredPath { get; init; }

    /// <summary>Gets the tenant the documents belong to: only its callers see them, and pruning touches only its documents.</summary>
    /// <value>The default is <see cref="Grounded.Access.Tenants.Default"/>.</value>
    public string Tenant { get; init; } = Grounded.Access.Tenants.Default;

    /// <summary>Gets the groups whose callers may see the documents; empty: every caller of the tenant.</summary>
    /// <value>The default is none.</value>
    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>Gets what is done with personal data in the documents; null: they are not screened.</summary>
    /// <value>The default is null. Set <see cref="PiiDetector"/> with it.</value>
    public PiiIngestMode? Pii { get; init; }

    /// <summary>Gets the detector that finds personal data for <see cref="Pii"/>.</summary>
    public Grounded.Guards.Pii.IPiiDetector? PiiDetector { get; init; }

    /// <summary>Gets the tags every ingested document carries, for filtered search.</summary>
    /// <value>The default is none.</value>
    public IReadOnlyList<string> Tags { get; init; } = [];
}
