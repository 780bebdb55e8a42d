using Grounded.Rag.Answer;
using Grounded.Rag.Chunking;
using Grounded.Rag.Embed;
using Grounded.Rag.Guard;
using Grounded.Rag.Index;
using Grounded.Rag.Ingest;
using Grounded.Rag.Rerank;
using Grounded.Rag.Retrieve;
using Grounded.Rag.Rewrite;
using Grounded.Rag.Verify;
using Grounded.Stages;
using Grounded.Storage;
using Microsoft.Extensions.AI;

namespace Grounded.Rag;

/// <summary>
/// The RAG core wired in one place: a store (embedded SQLite by default, any store its registry knows), local ONNX
/// embeddings, hybrid retrieval, sentence reranking and extractive answers. Heavy parts (the store, the models) are
/// opened once; a query pipeline per set of <see cref="QueryOptions"/> is cheap.
/// </summary>
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
        var statistics = _statistics = store is ITermStatistics counts ? new LastTermStatistics(counts) : null;
        _scorer = new SentenceScorer(_queryEmbedder, statistics, options.Relevance with { SecondModelWeight = 0 });
        var quantized = options.QuantizedEmbeddings;
        _secondModel = options.Relevance.SecondModelWeight > 0 ? new LazyEmbeddingGenerator(() => EmbeddingModels.MiniLm(quantized), MiniLmModel.Profile(quantized)) : null;
        _answerScorer = _secondModel is null ? _scorer : new SentenceScorer(_queryEmbedder, statistics, options.Relevance, new RecentEmbeddingCache(_secondModel, capacity: 1024));
        Retriever = Retrievers.Create(store, _queryEmbedder, options.Retrieval);
        Reranker = new SentenceReranker(_scorer);
        Rewriter = options.CorrectSpelling && statistics is not null && store is ITermVocabulary vocabulary ? new SpellingCorrector(statistics, vocabulary) : null;
        _guard = RetrievalGuard.Create(options.RetrievalGuards, store);
        Query = QueryWith(new QueryOptions());
    }

    private readonly LastTermStatistics? _statistics;
    private readonly RetrievalGuard? _guard;

    /// <summary>Gets the scorer the extractive answerer judges sentences with (for calibration harnesses).</summary>
    internal SentenceScorer AnswerScorer => _answerScorer;

    /// <summary>Gets the store.</summary>
    public IReindexableChunkStore Store { get; }

    /// <summary>Gets the embedding generator.</summary>
    public OnnxEmbeddingGenerator Embedder { get; }

    /// <summary>Gets the retriever the options chose (dense, keyword or hybrid).</summary>
    public IRetriever Retriever { get; }

    /// <summary>Gets the sentence reranker the query pipeline uses (unless <see cref="LocalRagOptions.RerankCandidates"/> is 0).</summary>
    public IReranker Reranker { get; }

    /// <summary>Gets the query pipeline of the opened options (rewrite → retrieve → rerank → extractive answer).</summary>
    public QueryPipeline Query { get; }

    /// <summary>Gets the spelling corrector the query pipeline runs first, or null when the options or the store leave it out.</summary>
    public IQueryRewriter? Rewriter { get; }

    /// <summary>Gets which vector index the store's last dense search used: <c>hnsw</c> or <c>exact</c> (embedded store), <c>pgvector</c> (PostgreSQL).</summary>
    public string LastSearchIndex => (Store as IVectorIndexStatus)?.LastSearchIndex ?? "exact";

    /// <summary>Brings the store's own HNSW index up to date (or rebuilds it) and returns how many vectors it holds; 0 when search stays exact or the database keeps the index.</summary>
    public Task<long> SyncAnnIndexAsync(bool rebuild, CancellationToken cancellationToken) =>
        Store is IVectorIndexStatus index ? index.SyncAnnIndexAsync(rebuild, cancellationToken) : Task.FromResult(0L);

    /// <summary>Returns a query pipeline over this store with <paramref name="query"/>'s settings where given, the opened ones elsewhere; throws <see cref="ArgumentException"/> listing every problem.</summary>
    public QueryPipeline QueryWith(QueryOptions query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var problems = query.Validate().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems));
        }

        var mode = query.Mode ?? _options.Retrieval.Mode;
        var filter = query.Filter is { IsEmpty: false } f ? f : null;
        var retriever = mode == _options.Retrieval.Mode && filter is null
            ? Retriever
            : Retrievers.Create(Store, _queryEmbedder, _options.Retrieval with { Mode = mode }, filter);
        var rerank = query.RerankCandidates ?? _options.RerankCandidates;
        var diversity = query.Diversity ?? _options.Diversity;
        var sentences = rerank > 0 ? Reranker : null;
        IReranker? reranker = diversity > 0 ? new MmrReranker(diversity, sentences) : sentences;
        var candidates = rerank > 0 ? rerank : diversity > 0 ? 20 : 0;
        // A caller restricted to a tenant or to groups gets corrections only while it sees the whole store.
        var rewriter = Rewriter is SpellingCorrector && filter is { } scope && (scope.Tenant is not null || scope.Groups is not null)
            ? new SpellingCorrector(_statistics!, (ITermVocabulary)Store)
            {
                SeesWholeStore = async ct => (await Store.ListDocumentsAsync(scope with { Collection = null, SourcePrefix = null, Tags = [] }, ct).ConfigureAwait(false)).Count
                    == (await Store.GetStatisticsAsync(ct).ConfigureAwait(false)).Documents,
            }
            : Rewriter;
        IAnswerGenerator answerer = query.Answerer is { } model && query.ContextBudget is { } budget
            ? new CompressingAnswerGenerator(model, new EvidenceCompressor(_scorer, budget, query.CountTokens ?? (text => (text.Length + 3) / 4)))
            : query.Answerer ?? new ExtractiveAnswerer(_answerScorer, _options.Extractive);
        var grounding = query.Grounding ?? _options.Grounding;
        if (grounding.Policy != GroundingPolicy.Off)
        {
            // Samples see the evidence the answer model sees: compressed to the same budget.
            var sampler = query.Answerer is null ? null
                : query.GroundingSampler is { } samples && query.ContextBudget is { } sampleBudget
                    ? new CompressingAnswerGenerator(samples, new EvidenceCompressor(_scorer, sampleBudget, query.CountTokens ?? (text => (text.Length + 3) / 4)))
                    : query.GroundingSampler;
            answerer = new VerifyingAnswerGenerator(answerer, Verifier(grounding), query.GroundingJudge, sampler);
        }

        return new QueryPipeline(retriever, reranker, candidates, answerer, rewriter: rewriter, guard: _guard);
    }

    /// <summary>
    /// Returns the grounding check the query pipelines use: the index's model through the query stages' shared cache, so
    /// the sentences the reranker embedded are not embedded again. <paramref name="windows"/> and <paramref name="weights"/> are for calibration.
    /// </summary>
    internal GroundingVerifier Verifier(GroundingOptions? options = null, bool windows = false, GroundingWeights? weights = null, bool prefixClaims = false) =>
        new(_queryEmbedder, options ?? _options.Grounding, null, weights ?? GroundingWeights.Calibrated, windows, prefixClaims ? Embedder.Profile.QueryPrefix : string.Empty);

    /// <summary>Returns a query pipeline whose retrieval is restricted to documents matching <paramref name="filter"/>.</summary>
    public QueryPipeline QueryWith(SearchFilter filter) => filter is null || filter.IsEmpty ? Query : QueryWith(new QueryOptions { Filter = filter });

    /// <summary>Creates a query pipeline over this store that answers with <paramref name="generator"/> instead of the extractive answerer, restricted to <paramref name="filter"/> when given.</summary>
    public QueryPipeline QueryWith(IAnswerGenerator generator, SearchFilter? filter = null) => QueryWith(new QueryOptions { Answerer = generator, Filter = filter });

    /// <summary>Opens the store and loads the embedding model. Throws <see cref="StoreException"/> when the store cannot be used, <see cref="ArgumentException"/> listing every problem with the options.</summary>
    public static async Task<LocalRag> OpenAsync(LocalRagOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Chunking.Validate().Concat(options.Retrieval.Validate()).Concat(options.Ann.Validate())
            .Concat(new QueryOptions { RerankCandidates = options.RerankCandidates, Diversity = options.Diversity }.Validate())
            .Concat(options.Relevance.SecondModelWeight is < 0 or > 1 ? [$"the second model's similarity weight must be between 0 and 1 (got {options.Relevance.SecondModelWeight})"] : [])
            .Concat(options.Grounding.Validate())
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
            store = await options.Stores.OpenAsync(options.StoreRequest(), cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// Returns the embedding a dense search of <paramref name="question"/> uses (the model's query prefix in front): free
    /// when the question was just searched, from the query stages' cache.
    /// </summary>
    public async Task<float[]> EmbedQuestionAsync(string question, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(question);
        var vector = await _queryEmbedder.GenerateVectorAsync(Embedder.Profile.QueryPrefix + question, cancellationToken: cancellationToken).ConfigureAwait(false);
        return vector.ToArray();
    }

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
