using Grounded.Cli.Output;
using Grounded.Rag;
using Grounded.Rag.Index;
using Grounded.Rag.Ingest;

namespace Grounded.Cli.Commands;

/// <summary>The documentation shipped beside the CLI: indexed into an empty store so the first question has something to answer from.</summary>
internal static class BundledDocs
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "docs");

    /// <summary>
    /// Indexes the bundled docs when the store holds no documents; returns whether it did. Only a store in a directory
    /// here: a shared database (PostgreSQL) is a deployment's, and Grounded's manual does not belong in it.
    /// </summary>
    public static async Task<bool> IngestIfEmptyAsync(LocalRag rag, CancellationToken cancellationToken)
    {
        if (StoreLocation.LocalDirectory(rag.Store.Location) is null)
        {
            return false;
        }

        var stats = await rag.Store.GetStatisticsAsync(cancellationToken).ConfigureAwait(false);
        if (stats.Documents > 0 || !Directory.Exists(Folder))
        {
            return false;
        }

        var report = await IngestProgressBar.RunAsync("Indexing the bundled documentation", progress =>
            rag.Ingestion().IngestAsync([Folder], new IngestOptions { SourceBase = AppContext.BaseDirectory }, progress, cancellationToken)).ConfigureAwait(false);
        Console.Error.WriteLine($"The store was empty: indexed {report.Added} bundled documents ({report.Chunks} chunks) from {Folder}.");
        return true;
    }
}
