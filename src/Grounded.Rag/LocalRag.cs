using Grounded.Rag.Answer;
using Grounded.Rag.Chunking;
using Grounded.Rag.Embed;
using Grounded.Rag.Index;
using Grounded.Rag.Ingest;
using Grounded.Rag.Rerank;
using Grounded.Rag.Retrieve;
using Grounded.Rag.Rewrite;
using Grounded.Storage;
using Microsoft.Extensions.AI;
using Grounded.Stages;

namespace Grounded.Rag;

/// <summary>The embedded configuration wired in one place: SQLite store, local ONNX embeddings, hybrid retrieval, sentence reranking, extractive answers.</summary>
public sealed class LocalRag : IAsyncDisposable
{
    private readonly LocalRagOptions _options;

    private readonly IEmbeddingGenerator<string, Embedding<float>> _queryEmbedder;
    private readonly SentenceScorer _scorer;
    private readonly SentenceScorer _answerScorer;
    private readonly LazyEmbeddingGenerator? _secondModel;

    private LocalRag(LocalRagOptions options, IReindexableChunkStore store, OnnxEmbeddingGenerator embedder)
    {
        _options = options;
        Store = store;
        Embedder = embedder;
        // Query stages share one cache, so the question and each sentence are embedded once per query.
        _queryEmbedder = new RecentEmbeddingCache(embedder);
        // A cascade: the reranker judges the many candidates' sentences with the index's model alone; the answerer
        // judges the few kept chunks' sentences with the mean of two models (loaded on the first extractive answer).
        // Both scorers, and the spelling corrector, share one memory of the last terms counted.
        var statistics = store is ITermStatistics counts ? new LastTermStatistics(counts) : null;
        _scorer = new SentenceScorer(_queryEmbedder, statistics, options.Relevance with { SecondModelWeight = 0 });
        var quantized = options.QuantizedEmbeddings;
        _secondModel = options.Relevance.SecondModelWeight > 0 ? new LazyEmbeddingGenerator(() => EmbeddingModels.MiniLm(quantized), MiniLmModel.Profile(quantized)) : null;
        _answerScorer = _secondModel is null ? _scorer : new SentenceScorer(_queryEmbedder, statistics, options.Relevance, new RecentEmbeddingCache(_secondModel, capacity: 1024));
        Retriever = Retrievers.Create(store, _queryEmbedder, options.Retrieval);
        Reranker = new SentenceReranker(_scorer);
        Rewriter = options.CorrectSpelling && statistics is not null && store is ITermVocabulary vocabulary ? new SpellingCorrector(statistics, vocabulary) : null;
        Query = Pipeline(null);
    }

    /// <summary>Gets the store.</summary>
    public IReindexableChunkStore Store { get; }

    /// <summary>Gets the embedding generator.</summary>
    public OnnxEmbeddingGenerator Embedder { get; }

    /// <summary>Gets the retriever the options chose (dense, keyword or hybrid).</summary>
    public Stages.IRetriever Retriever { get; }

    /// <summary>Gets the sentence reranker the query pipeline uses (unless <see cref="LocalRagOptions.RerankCandidates"/> is 0).</summary>
    public Stages.IReranker Reranker { get; }

    /// <summary>Gets the query pipeline (retrieve → rerank → answer).</summary>
    public QueryPipeline Query { get; }

    /// <summary>Gets which vector index the store's last dense search used: "hnsw" or "exact" (embedded store), "pgvector" (PostgreSQL).</summary>
    public string LastSearchIndex => Store is SqliteChunkStore sqlite ? (sqlite.LastSearchUsedAnn ? "hnsw" : "exact") : "pgvector";

    /// <summary>Brings the embedded store's HNSW index up to date (or rebuilds it) and returns how many vectors it holds; 0 when search stays exact or the store keeps its own index (PostgreSQL).</summary>
    public Task<long> SyncAnnIndexAsync(bool rebuild, CancellationToken cancellationToken) =>
        Store is SqliteChunkStore sqlite ? sqlite.SyncAnnIndexAsync(rebuild, cancellationToken) : Task.FromResult(0L);

    // Sentence reranking, then MMR, as the options turn them on.
    private Stages.IReranker? QueryReranker()
    {
        var sentences = _options.RerankCandidates > 0 ? Reranker : null;
        return _options.Diversity > 0 ? new MmrReranker(_options.Diversity, sentences) : sentences;
    }

    private int QueryCandidates() => _options.RerankCandidates > 0 ? _options.RerankCandidates : _options.Diversity > 0 ? 20 : 0;

    /// <summary>Returns a query pipeline whose retrieval is restricted to documents matching <paramref name="filter"/>.</summary>
    public QueryPipeline QueryWith(SearchFilter filter) => filter is null || filter.IsEmpty ? Query : Pipeline(filter);

    private QueryPipeline Pipeline(SearchFilter? filter) => new(
        filter is null ? Retriever : Retrievers.Create(Store, _queryEmbedder, _options.Retrieval, filter),
        QueryReranker(),
        QueryCandidates(),
        new ExtractiveAnswerer(_answerScorer, _options.Extractive),
        rewriter: Rewriter);

    /// <summary>Gets the spelling corrector the query pipeline runs first, or null when the options or the store leave it out.</summary>
    public IQueryRewriter? Rewriter { get; }

    /// <summary>Opens the store and loads the embedding model. Throws <see cref="Storage.StoreException"/> when the store cannot be used.</summary>
    public static async Task<LocalRag> OpenAsync(LocalRagOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Chunking.Validate().Concat(options.Retrieval.Validate()).Concat(options.Ann.Validate())
            .Concat(options.Diversity is < 0 or > 1 ? [$"the diversity (MMR λ) must be between 0 and 1 (got {options.Diversity})"] : [])
            .Concat(options.Relevance.SecondModelWeight is < 0 or > 1 ? [$"the second model's similarity weight must be between 0 and 1 (got {options.Relevance.SecondModelWeight})"] : [])
            .Concat(options.RerankCandidates < 0 ? [$"the rerank candidates must not be negative (got {options.RerankCandidates})"] : [])
            .ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems));
        }

        // The model first: one this installation lacks must fail before a new store records it as the store's model.
        var embedder = EmbeddingModels.ArcticXs(options.QuantizedEmbeddings);
        IReindexableChunkStore? store = null;
        try
        {
            store = options.OpenStore is { } open
                ? await open(embedder.Profile, options.AllowModelChange, cancellationToken).ConfigureAwait(false)
                : await SqliteChunkStore.OpenAsync(options.StoreDirectory, embedder.Profile, allowModelChange: options.AllowModelChange, ann: options.Ann, cancellationToken: cancellationToken).ConfigureAwait(false);
            return new LocalRag(options, store, embedder);
        }
        catch
        {
            embedder.Dispose();
            if (store is not null)
            {
                await store.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>Creates a query pipeline over this store that answers with <paramref name="generator"/> instead of the extractive answerer, restricted to <paramref name="filter"/> when given.</summary>
    public QueryPipeline QueryWith(IAnswerGenerator generator, SearchFilter? filter = null) => new(
        filter is null || filter.IsEmpty ? Retriever : Retrievers.Create(Store, _queryEmbedder, _options.Retrieval, filter),
        QueryReranker(),
        QueryCandidates(),
        generator,
        rewriter: Rewriter);

    /// <summary>Creates an ingestion pipeline with the configured chunking; <paramref name="chunker"/> picks the strategy (by file type when auto).</summary>
    public IngestionPipeline Ingestion(ChunkingOptions? chunking = null, ChunkerKind chunker = ChunkerKind.Auto) =>
        new(Store, Embedder, new Chunkers(chunking ?? _options.Chunking, chunker, Embedder));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Embedder.Dispose();
        _secondModel?.Dispose();
        await Store.DisposeAsync().ConfigureAwait(false);
    }
}
