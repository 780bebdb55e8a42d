using Grounded.Chunks;
using Grounded.Documents;

namespace Grounded.Rag.Ingest;

public sealed partial class IngestionPipeline
{
    /// <summary>
    /// Ingests a document that is not a file (an evaluation corpus, text from another system): its blocks are chunked,
    /// embedded and written under <paramref name="documentId"/> like a file's, chunked as its <paramref name="source"/>'s
    /// extension decides (token windows when it has none). A document already held with the same
    /// <paramref name="contentHash"/> is skipped. Returns how many chunks were written (0 when skipped).
    /// </summary>
    public async Task<int> IngestDocumentAsync(string documentId, string source, string contentHash, IAsyncEnumerable<TextBlock> blocks, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentId);
        ArgumentException.ThrowIfNullOrEmpty(contentHash);
        ArgumentNullException.ThrowIfNull(blocks);
        var existing = await _store.GetDocumentAsync(documentId, cancellationToken).ConfigureAwait(false);
        if (existing is not null && existing.ContentHash == contentHash)
        {
            return 0;
        }

        var count = 0;
        var writer = await _store.BeginDocumentAsync(new DocumentInfo(documentId, source, contentHash, 0, default), cancellationToken).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            var batch = new List<Chunk>();
            await foreach (var chunk in _chunkerFor(source).ChunkAsync(blocks, cancellationToken).ConfigureAwait(false))
            {
                batch.Add(chunk with { Context = chunk.HeadingPath });
            }

            if (batch.Count == 0)
            {
                throw new DocumentReadException("no text found");
            }

            await writer.AddAsync(await EmbedAsync(batch, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            count = batch.Count;
            await writer.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return count;
    }
}
