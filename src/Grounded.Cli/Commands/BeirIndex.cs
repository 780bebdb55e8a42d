using System.Runtime.CompilerServices;
using Grounded.Chunks;
using Grounded.Cli.Output;
using Grounded.Documents;
using Grounded.Evaluation.Datasets;
using Grounded.Rag;
using Grounded.Rag.Ingest;

namespace Grounded.Cli.Commands;

/// <summary>
/// Indexes a BEIR corpus into a store: each document under its own <c>_id</c> (so retrieved chunks map back to the
/// qrels), its title as the heading path of every chunk (embedded with each window and indexed for BM25), its
/// paragraphs as blocks. Documents already indexed with the same content are skipped, so a rerun only checks.
/// </summary>
internal static class BeirIndex
{
    /// <summary>A change here changes how documents are indexed: it is part of the evaluation cache key.</summary>
    public const string Layout = "title-as-heading-v1";

    public static async Task<int> EnsureAsync(LocalRag rag, BeirDataset dataset, CancellationToken cancellationToken)
    {
        var stats = await rag.Store.GetStatisticsAsync(cancellationToken).ConfigureAwait(false);
        var indexable = dataset.Corpus.Where(d => !string.IsNullOrWhiteSpace(d.Title) || !string.IsNullOrWhiteSpace(d.Text)).ToList();
        if (stats.Documents == indexable.Count)
        {
            return 0; // the cache key holds the corpus hash, so a complete store is this corpus
        }

        var pipeline = rag.Ingestion();
        return await IngestProgressBar.RunAsync($"Indexing {indexable.Count} documents", async progress =>
        {
            var written = 0;
            for (var i = 0; i < indexable.Count; i++)
            {
                var document = indexable[i];
                var hash = Hashing.Sha256Hex(document.Title + "\n" + document.Text);
                written += await pipeline.IngestDocumentAsync(document.Id, document.Id, hash, Blocks(document), cancellationToken).ConfigureAwait(false) > 0 ? 1 : 0;
                if (i % 16 == 0)
                {
                    progress?.Report(new IngestProgress(i, indexable.Count, null));
                }
            }

            progress?.Report(new IngestProgress(indexable.Count, indexable.Count, null));
            return written;
        }).ConfigureAwait(false);
    }

    private static async IAsyncEnumerable<TextBlock> Blocks(BeirDocument document, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        IReadOnlyList<string> heading = document.Title.Length > 0 ? [document.Title.Trim()] : [];
        var paragraphs = document.Text.Split(["\r\n\r\n", "\n\n"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (paragraphs.Length == 0)
        {
            yield return new TextBlock(document.Title.Trim(), [], 0); // a title-only document is its title
            yield break;
        }

        long offset = 0;
        foreach (var paragraph in paragraphs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new TextBlock(paragraph, heading, offset);
            offset += paragraph.Length + 2;
        }
    }
}
