using Grounded.Rag.Answer;
using Grounded.Rag.Chunking;
using Grounded.Rag.Embed;
using Grounded.Rag.Index;
using Grounded.Storage;
using Grounded.Rag.Rerank;
using Grounded.Rag.Index.Ann;
using Grounded.Rag.Guard;
using Grounded.Rag.Verify;

namespace Grounded.Rag;

/// <summary>Everything the embedded (local, offline) configuration needs to know.</summary>
public sealed record LocalRagOptions
{
    /// <summary>Gets where the store is: a directory (the embedded store), or any location a provider of <see cref="Stores"/> handles, such as <c>postgres://USER@HOST:PORT/DB</c>.</summary>
    /// <value>The default is <c>GROUNDED_HOME</c> when set, else <c>./.grounded</c>.</value>
    public string Store { get; init; } = DefaultStore();

    /// <summary>Gets the kinds of store <see cref="Store"/> may name.</summary>
    /// <value>The default is <see cref="StoreRegistry.Embedded"/>: a directory or <c>sqlite:DIR</c>. Grounded.Hosting adds PostgreSQL.</value>
    public StoreRegistry Stores { get; init; } = StoreRegistry.Embedded;

    /// <summary>Gets how documents are chunked.</summary>
    public ChunkingOptions Chunking { get; init; } = new();

    /// <summary>Gets how queries are retrieved: dense, keyword or hybrid, and how hybrid fuses its legs.</summary>
    public Retrieve.RetrievalOptions Retrieval { get; init; } = new();

    /// <summary>Gets how many retrieved chunks the sentence reranker reorders before the best top-k are kept; 0 turns reranking off.</summary>
    /// <value>
    /// The default is 15: the query pipeline answers questions, and reranking 15 candidates by their best sentence
    /// lifted COVID-QA's top citation (docs/benchmarks.md, "Answer quality"). It lowers SciFact's nDCG@10 as a ranking
    /// of documents (0.738 → 0.680), so <c>grounded search</c> and <c>grounded eval retrieval</c> leave it off unless asked.
    /// </value>
    public int RerankCandidates { get; init; } = 15;

    /// <summary>Gets the λ of maximal marginal relevance over the retrieved chunks (relevance against word overlap with chunks already kept); 0 turns it off.</summary>
    /// <value>The default is 0 (off); 0.7 is a common setting. With it on and no sentence reranking, 20 candidates (at least top-k) are retrieved.</value>
    public double Diversity { get; init; }

    /// <summary>Gets whether question words the index has never seen are corrected to the nearest indexed word before searching (<see cref="Rewrite.SpellingCorrector"/>).</summary>
    /// <value>The default is true. A store without a word list (<see cref="ITermVocabulary"/>) searches questions as written.</value>
    public bool CorrectSpelling { get; init; } = true;

    /// <summary>Gets how sentences are scored against the question, by the reranker and the answerer alike.</summary>
    public SentenceRelevance Relevance { get; init; } = new();

    /// <summary>Gets how the extractive answerer answers and abstains.</summary>
    public ExtractiveOptions Extractive { get; init; } = new();

    /// <summary>Gets whether the embedding model runs int8-quantized (faster, cosine ≥ 0.99 to the float model).</summary>
    /// <value>The default is true: int8 embeds about twice as fast on CPUs with VNNI (see docs/benchmarks.md).</value>
    public bool QuantizedEmbeddings { get; init; } = true;

    /// <summary>Gets how the approximate nearest-neighbour (HNSW) index is built and when it is used instead of the exact scan.</summary>
    public AnnOptions Ann { get; init; } = new();

    /// <summary>Gets how answers are checked claim by claim against the sources they cite.</summary>
    /// <value>The default checks every answer and annotates it (<see cref="GroundingPolicy.Annotate"/>): each carries its grounding.</value>
    public GroundingOptions Grounding { get; init; } = new();

    /// <summary>Gets the guards on retrieved chunks (injection, PII of sensitive collections); a guard runs only when its detector is set.</summary>
    /// <value>The default sets no detector: no guard runs.</value>
    public RetrievalGuardOptions RetrievalGuards { get; init; } = new();

    /// <summary>Gets whether a store built with another embedding model may be opened (only to reindex it).</summary>
    public bool AllowModelChange { get; init; }

    /// <summary>Gets the profile of the embedding model the store's vectors are made with: arctic-embed-xs, int8 or float32 as <see cref="QuantizedEmbeddings"/> says.</summary>
    public EmbeddingModelProfile EmbeddingModel => ArcticXsModel.Profile(QuantizedEmbeddings);

    /// <summary>Returns what opening <see cref="Store"/> for <see cref="EmbeddingModel"/> takes, with these options' HNSW settings.</summary>
    public StoreRequest StoreRequest(bool? allowModelChange = null) => new(Store, EmbeddingModel, allowModelChange ?? AllowModelChange, Ann);

    /// <summary>Returns <c>GROUNDED_HOME</c> when set, else <c>./.grounded</c>.</summary>
    public static string DefaultStore() =>
        Environment.GetEnvironmentVariable("GROUNDED_HOME") is { Length: > 0 } home ? home : ".grounded";
}
