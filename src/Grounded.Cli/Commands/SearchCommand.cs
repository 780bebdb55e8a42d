using System.ComponentModel;
using Grounded.Cli.Output;
using Spectre.Console;

namespace Grounded.Cli.Commands;

/// <summary><c>grounded search "query"</c>: lists the most relevant chunks, best first.</summary>
[Description("List the chunks most relevant to a query, best first")]
internal sealed class SearchCommand : GroundedCommand<QuerySettings>
{
    protected override async Task<int> RunAsync(QuerySettings settings, CancellationToken cancellationToken)
    {
        await using var stack = OpenStack(settings);
        var rag = await stack.GetRagAsync(cancellationToken).ConfigureAwait(false);
        await BundledDocs.IngestIfEmptyAsync(rag, cancellationToken).ConfigureAwait(false);
        var hits = await stack.SearchAsync(AskCommand.Request(settings), cancellationToken: cancellationToken).ConfigureAwait(false);
        var results = hits.Select((h, i) => new SearchResult(i + 1, h.Chunk.DocumentId, h.Chunk.Source, h.Chunk.Id, Math.Round(h.Score, 4), h.Chunk.Chunk.Text)).ToList();
        if (settings.Json)
        {
            JsonOutput.Write(new { query = settings.Query, index = rag.LastSearchIndex, results });
            return ExitCodes.Success;
        }

        var table = new Table().AddColumns("#", "score", "source", "text");
        foreach (var r in results)
        {
            var snippet = r.Text.ReplaceLineEndings(" ");
            table.AddRow(r.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Score.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(r.Source), Markup.Escape(snippet.Length > 160 ? snippet[..160] + "…" : snippet));
        }

        CliConsole.Out.Write(table);
        return ExitCodes.Success;
    }

    private sealed record SearchResult(int Rank, string DocumentId, string Source, string ChunkId, double Score, string Text);
}
