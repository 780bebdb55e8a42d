using System.ComponentModel;
using Grounded.Cli.Output;
using Spectre.Console;

namespace Grounded.Cli.Commands;

/// <summary><c>grounded status</c>: shows what a store holds.</summary>
[Description("Show the store's location, embedding model and size")]
internal sealed class StatusCommand : GroundedCommand<StoreSettings>
{
    protected override async Task<int> RunAsync(StoreSettings settings, CancellationToken cancellationToken)
    {
        await using var rag = await OpenAsync(settings, cancellationToken).ConfigureAwait(false);
        var stats = await rag.Store.GetStatisticsAsync(cancellationToken).ConfigureAwait(false);
        var documents = await rag.Store.ListDocumentsAsync(cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            JsonOutput.Write(new
            {
                store = rag.Store.Directory, model = stats.EmbeddingModel, dimensions = stats.Dimensions, documents = stats.Documents, chunks = stats.Chunks,
                sources = documents.Select(d => new { documentId = d.Id, source = d.Source, chunks = d.ChunkCount, contentHash = d.ContentHash, ingestedAt = d.IngestedAt }),
            });
            return ExitCodes.Success;
        }

        CliConsole.Out.MarkupLine($"store      {Markup.Escape(rag.Store.Directory)}");
        CliConsole.Out.MarkupLine($"model      {Markup.Escape(stats.EmbeddingModel)} ({stats.Dimensions} dimensions)");
        CliConsole.Out.MarkupLine($"documents  {stats.Documents}");
        CliConsole.Out.MarkupLine($"chunks     {stats.Chunks}");
        return ExitCodes.Success;
    }
}
