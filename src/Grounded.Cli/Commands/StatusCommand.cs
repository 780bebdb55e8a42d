using System.ComponentModel;
using Grounded.Cli.Output;
using Grounded.Rag.Embed;
using Spectre.Console;

namespace Grounded.Cli.Commands;

/// <summary><c>grounded status</c>: shows what a store holds.</summary>
[Description("Show the store's location, embedding model and size")]
internal sealed class StatusCommand : GroundedCommand<StoreSettings>
{
    protected override async Task<int> RunAsync(StoreSettings settings, CancellationToken cancellationToken)
    {
        // Status reads the store only: loading (or first quantizing) the embedding model would be wasted start-up work.
        await using var store = await StoreOpener.OpenAsync(
            settings.StoreDirectory, ArcticXsModel.Profile(quantized: !settings.NoQuantize), allowModelChange: false, cancellationToken).ConfigureAwait(false);
        var stats = await store.GetStatisticsAsync(cancellationToken).ConfigureAwait(false);
        var documents = await store.ListDocumentsAsync(cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            JsonOutput.Write(new
            {
                store = store.Location, model = stats.EmbeddingModel, dimensions = stats.Dimensions, documents = stats.Documents, chunks = stats.Chunks,
                sources = documents.Select(d => new { documentId = d.Id, source = d.Source, chunks = d.ChunkCount, contentHash = d.ContentHash, ingestedAt = d.IngestedAt }),
            });
            return ExitCodes.Success;
        }

        CliConsole.Out.MarkupLine($"store      {Markup.Escape(store.Location)}");
        CliConsole.Out.MarkupLine($"model      {Markup.Escape(stats.EmbeddingModel)} ({stats.Dimensions} dimensions)");
        CliConsole.Out.MarkupLine($"documents  {stats.Documents}");
        CliConsole.Out.MarkupLine($"chunks     {stats.Chunks}");
        return ExitCodes.Success;
    }
}
