using System.ComponentModel;
using Grounded.Cli.Output;
using Grounded.Rag.Ingest;
using Spectre.Console;

namespace Grounded.Cli.Commands;

/// <summary><c>grounded reindex</c>: re-embeds every chunk with the current embedding model.</summary>
[Description("Re-embed every chunk with the current embedding model and rebuild the HNSW index")]
internal sealed class ReindexCommand : GroundedCommand<StoreSettings>
{
    protected override async Task<int> RunAsync(StoreSettings settings, CancellationToken cancellationToken)
    {
        await using var stack = OpenStack(settings, o => o with { Rag = o.Rag with { AllowModelChange = true } });
        var rag = await stack.GetRagAsync(cancellationToken).ConfigureAwait(false);
        var count = await IngestProgressBar.RunAsync("Re-embedding", progress =>
            rag.Store.ReindexAsync(rag.Embedder, progress is null ? null : new Progress<(int Done, int Total)>(p => progress.Report(new IngestProgress(p.Done, p.Total, null))), cancellationToken)).ConfigureAwait(false);
        var indexed = await rag.SyncAnnIndexAsync(rebuild: true, cancellationToken).ConfigureAwait(false);
        var stats = await rag.Store.GetStatisticsAsync(cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            JsonOutput.Write(new { store = rag.Store.Location, model = stats.EmbeddingModel, dimensions = stats.Dimensions, embedded = count, documents = stats.Documents, chunks = stats.Chunks, annVectors = indexed });
        }
        else
        {
            CliConsole.Out.WriteLine($"re-embedded {count} distinct chunk texts with {stats.EmbeddingModel} ({stats.Documents} documents, {stats.Chunks} chunks)"
                + (indexed > 0 ? $"; HNSW index rebuilt over {indexed} vectors" : "; search stays exact (small store)"));
        }

        return ExitCodes.Success;
    }
}
