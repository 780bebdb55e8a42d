using Grounded.Rag.Answer;
using Grounded.Rag.Chunking;
using Grounded.Rag.Embed;
using Grounded.Rag.Index;
using Grounded.Rag.Ingest;
using Grounded.Rag.Retrieve;
using Grounded.Stages;

namespace Grounded.Rag;

/// <summary>The embedded configuration wired in one place: SQLite store, local ONNX embeddings, dense retrieval, extractive answers.</summary>
public sealed class LocalRag : IAsyncDisposable
{
    private readonly LocalRagOptions _options;

    private LocalRag(LocalRagOptions options, SqliteChunkStore store, OnnxEmbeddingGenerator embedder)
    {
        _options = options;
        Store = store;
        Embedder = embedder;
        Query = new QueryPipeline(new HybridRetriever(store, embedder), new ExtractiveAnswerer(embedder, options.Extractive));
    }

    /// <summary>Gets the store.</summary>
    public SqliteChunkStore Store { get; }

    /// <summary>Gets the embedding generator.</summary>
    public OnnxEmbeddingGenerator Embedder { get; }

    /// <summary>Gets the query pipeline (retrieve → answer).</summary>
    public QueryPipeline Query { get; }

    /// <summary>Opens the store and loads the embedding model. Throws <see cref="Storage.StoreException"/> when the store cannot be used.</summary>
    public static async Task<LocalRag> OpenAsync(LocalRagOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Chunking.Validate().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems));
        }

        var profile = ArcticXsModel.Profile(options.QuantizedEmbeddings);
        var store = await SqliteChunkStore.OpenAsync(options.StoreDirectory, profile, allowModelChange: options.AllowModelChange, cancellationToken: cancellationToken).ConfigureAwait(false);
        try
        {
            return new LocalRag(options, store, EmbeddingModels.ArcticXs(options.QuantizedEmbeddings));
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Creates a query pipeline over this store that answers with <paramref name="generator"/> instead of the extractive answerer.</summary>
    public QueryPipeline QueryWith(IAnswerGenerator generator) => new(new HybridRetriever(Store, Embedder), generator);

    /// <summary>Creates an ingestion pipeline with the configured chunking.</summary>
    public IngestionPipeline Ingestion(ChunkingOptions? chunking = null) =>
        new(Store, Embedder, new TokenWindowChunker(chunking ?? _options.Chunking));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Embedder.Dispose();
        await Store.DisposeAsync().ConfigureAwait(false);
    }
}
