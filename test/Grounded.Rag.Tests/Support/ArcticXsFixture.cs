using Grounded.Rag.Rerank;
using Grounded.Rag.Answer;
using Grounded.Rag.Chunking;
using Grounded.Rag.Embed;
using Grounded.Rag.Index;
using Grounded.Rag.Ingest;
using Grounded.Rag.Retrieve;

namespace Grounded.Rag.Tests.Support;

/// <summary>The real arctic-embed-xs model, loaded once for every test that needs it, and a small corpus indexed with it.</summary>
public sealed class ArcticXsFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _dir = new();

    private readonly OnnxEmbeddingGenerator _secondModel = EmbeddingModels.MiniLm(quantized: false);

    public OnnxEmbeddingGenerator Embedder { get; } = EmbeddingModels.ArcticXs(quantized: false);

    internal SqliteChunkStore Store { get; private set; } = null!;

    public QueryPipeline Query { get; private set; } = null!;

    public string TidesPath => _dir.Combine("docs", "tides.txt");

    public string BreadPath => _dir.Combine("docs", "bread.md");

    public string SolarPath => _dir.Combine("docs", "solar.html");

    public async Task InitializeAsync()
    {
        _dir.Write("docs/tides.txt", """
            Ocean tides are caused mainly by the gravitational pull of the Moon on the oceans. The Sun's gravity also contributes, and spring tides occur when the Sun and Moon align.

            Most coasts see two high tides and two low tides every lunar day.
            """);
        _dir.Write("docs/bread.md", """
            # Baking bread

            Bread dough rises because yeast ferments the sugars in flour and releases carbon dioxide gas. The gas is trapped by gluten, which makes the loaf light.

            ## Oven

            Bake the loaf at 220 degrees Celsius for about 35 minutes, until the crust is brown.
            """);
        _dir.Write("docs/solar.html", """
            <html><body><h1>Solar power</h1>
            <p>Solar panels convert sunlight into electricity using photovoltaic cells made of silicon. A typical home solar panel produces between 250 and 400 watts in full sun.</p>
            <p>Panels produce less power on cloudy days and none at night, so many homes add batteries.</p>
            </body></html>
            """);
        Store = await SqliteChunkStore.OpenAsync(_dir.Combine("store"), Embedder.Profile);
        var report = await new IngestionPipeline(Store, Embedder, new TokenWindowChunker(new ChunkingOptions { ChunkTokens = 48, OverlapTokens = 0 }))
            .IngestAsync([_dir.Combine("docs")]);
        if (report.Added != 3)
        {
            throw new InvalidOperationException($"the test corpus did not ingest: {string.Join("; ", report.Failures)}");
        }

        // As LocalRag wires it: spelling correction first, shared query-embedding cache, store term statistics, sentence
        // reranking over 15 candidates by the index's model, answers judged by the mean of both models.
        var queryEmbedder = new RecentEmbeddingCache(Embedder);
        var rerankScorer = new SentenceScorer(queryEmbedder, Store, new SentenceRelevance { SecondModelWeight = 0 });
        var answerScorer = new SentenceScorer(queryEmbedder, Store, new SentenceRelevance(), _secondModel);
        Query = new QueryPipeline(new HybridRetriever(Store, queryEmbedder), new SentenceReranker(rerankScorer), 15, new ExtractiveAnswerer(answerScorer), rewriter: new Grounded.Rag.Rewrite.SpellingCorrector(Store, Store));
    }

    public async Task DisposeAsync()
    {
        await Store.DisposeAsync();
        Embedder.Dispose();
        _secondModel.Dispose();
    }

    public void Dispose() => _dir.Dispose();
}

[CollectionDefinition(nameof(ArcticXsFixture))]
public sealed class ArcticXsCollection : ICollectionFixture<ArcticXsFixture>;
