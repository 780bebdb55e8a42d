using Grounded.Chunks;
using Grounded.Documents;
using Grounded.Storage;

namespace Grounded.Rag.Tests.Fakes;

/// <summary>Passes every call to a real store and counts them, so a test can say "nothing was written" or "the store was never touched".</summary>
internal sealed class RecordingChunkStore(IChunkStore inner) : IChunkStore
{
    public int Calls { get; private set; }

    public int Writes { get; private set; }

    /// <summary>Gets or sets after how many document writes the store "goes down": later ones throw a transient database error, as a lost connection does.</summary>
    public int? DownAfterWrites { get; set; }

    public Task<DocumentInfo?> GetDocumentAsync(string documentId, CancellationToken cancellationToken)
    {
        Calls++;
        return inner.GetDocumentAsync(documentId, cancellationToken);
    }

    public Task<IReadOnlyList<DocumentInfo>> ListDocumentsAsync(CancellationToken cancellationToken)
    {
        Calls++;
        return inner.ListDocumentsAsync(cancellationToken);
    }

    public Task<IDocumentWriter> BeginDocumentAsync(DocumentInfo document, CancellationToken cancellationToken)
    {
        Calls++;
        if (Writes >= DownAfterWrites)
        {
            throw new ConnectionLostException();
        }

        Writes++;
        return inner.BeginDocumentAsync(document, cancellationToken);
    }

    public Task<bool> DeleteDocumentAsync(string documentId, CancellationToken cancellationToken)
    {
        Calls++;
        Writes++;
        return inner.DeleteDocumentAsync(documentId, cancellationToken);
    }

    public Task<IReadOnlyDictionary<string, float[]>> GetCachedEmbeddingsAsync(IReadOnlyCollection<string> contentHashes, CancellationToken cancellationToken)
    {
        Calls++;
        return inner.GetCachedEmbeddingsAsync(contentHashes, cancellationToken);
    }

    public Task<IReadOnlyList<ScoredChunk>> SearchAsync(ReadOnlyMemory<float> query, int topK, CancellationToken cancellationToken)
    {
        Calls++;
        return inner.SearchAsync(query, topK, cancellationToken);
    }

    public Task<IReadOnlyList<ScoredChunk>> KeywordSearchAsync(string query, int topK, CancellationToken cancellationToken)
    {
        Calls++;
        return inner.KeywordSearchAsync(query, topK, cancellationToken);
    }

    public Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken)
    {
        Calls++;
        return inner.GetStatisticsAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}

/// <summary>What a database driver throws when its connection is gone: transient, so worth trying again later.</summary>
internal sealed class ConnectionLostException() : System.Data.Common.DbException("Failed to connect to 127.0.0.1:5432")
{
    public override bool IsTransient => true;
}
