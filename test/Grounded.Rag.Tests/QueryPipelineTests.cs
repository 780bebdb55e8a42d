using Grounded.Answers;
using Grounded.Chunks;
using Grounded.Rag.Tests.Support;
using Grounded.Stages;

namespace Grounded.Rag.Tests;

[Collection(nameof(ArcticXsFixture))]
public sealed class QueryPipelineTests(ArcticXsFixture corpus)
{
    [Theory]
    [InlineData("What causes ocean tides?", "tides.txt", "gravitational pull of the Moon")]
    [InlineData("Why does bread dough rise?", "bread.md", "yeast ferments the sugars")]
    [InlineData("How many watts does a home solar panel produce?", "solar.html", "between 250 and 400 watts")]
    public async Task AnswersAQuestionTheDocumentsAnswerCitingTheRightSource(string question, string file, string fact)
    {
        var answer = await corpus.Query.AskAsync(question);

        Assert.False(answer.Abstained);
        Assert.Equal(question, answer.Question);
        Assert.Equal("extractive", answer.Generator);
        Assert.Contains(fact, answer.Answer, StringComparison.Ordinal);
        Assert.Contains("[1]", answer.Answer, StringComparison.Ordinal);
        var first = answer.Citations[0];
        Assert.Equal(1, first.N);
        Assert.EndsWith(file, first.Source, StringComparison.Ordinal);
        Assert.Contains(fact, first.Text, StringComparison.Ordinal);
        Assert.All(answer.Citations, c => Assert.Contains($"[{c.N}]", answer.Answer, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("What is the capital city of Australia?")]
    [InlineData("How do I file my taxes?")]
    public async Task AbstainsOnAQuestionTheDocumentsDoNotAnswer(string question)
    {
        var answer = await corpus.Query.AskAsync(question);

        Assert.True(answer.Abstained);
        Assert.Equal("The indexed documents do not answer this.", answer.Answer);
        Assert.Empty(answer.Citations);
    }

    [Fact]
    public async Task WithARerankerTheRetrieverFetchesTheCandidatesAndTheRerankerPicksTopK()
    {
        var retriever = new CountingRetriever();
        var pipeline = new QueryPipeline(retriever, new ReversingReranker(), 15, new EchoGenerator());

        var hits = await pipeline.SearchAsync("anything", 3);

        Assert.Equal(15, retriever.AskedFor);
        Assert.Equal(["c14", "c13", "c12"], hits.Select(h => h.Chunk.Id));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task RefusesAnEmptyQuestion(string question)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => corpus.Query.AskAsync(question));

        Assert.StartsWith("the question is empty", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task RefusesATopKOutOfRange(int topK)
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => corpus.Query.SearchAsync("tides", topK));

        Assert.Contains("topK must be between 1 and 1000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchListsTheMostRelevantChunkFirst()
    {
        var hits = await corpus.Query.SearchAsync("yeast and gluten in dough", 3);

        Assert.Equal(3, hits.Count);
        Assert.Equal(corpus.BreadPath, hits[0].Chunk.Source);
        Assert.Equal(hits.OrderByDescending(h => h.Score).Select(h => h.Chunk.Id), hits.Select(h => h.Chunk.Id));
    }

    [Fact]
    public async Task DropsCitationsFromAnAbstainedAnswer()
    {
        var pipeline = new QueryPipeline(new FixedRetriever(), new AbstainingGenerator());

        var answer = await pipeline.AskAsync("anything at all?");

        Assert.True(answer.Abstained);
        Assert.Empty(answer.Citations);
    }

    [Fact]
    public async Task ARewriterChangesWhatIsSearchedAndAnsweredButNotTheQuestionReported()
    {
        var retriever = new RecordingRetriever();
        var pipeline = new QueryPipeline(retriever, null, 0, new EchoGenerator(), rewriter: new UpperCaser());

        var answer = await pipeline.AskAsync("what is carrageenan?");

        Assert.Equal("WHAT IS CARRAGEENAN?", retriever.Query);
        Assert.Equal("WHAT IS CARRAGEENAN?", answer.Answer); // the generator saw the rewritten question
        Assert.Equal("what is carrageenan?", answer.Question);
        Assert.Equal("WHAT IS CARRAGEENAN?", answer.SearchedFor);
    }

    [Fact]
    public async Task AGeneratorThatWarmsUpIsToldToStartBeforeRetrievalRuns()
    {
        var generator = new WarmingGenerator();
        var retriever = new RecordingRetriever { OnRetrieve = () => generator.WarmedBeforeRetrieval = generator.Warmed };

        await new QueryPipeline(retriever, generator).AskAsync("anything?");

        Assert.True(generator.WarmedBeforeRetrieval);
    }

    private sealed class RecordingRetriever : IRetriever
    {
        public string? Query { get; private set; }

        public Action? OnRetrieve { get; init; }

        public Task<IReadOnlyList<ScoredChunk>> RetrieveAsync(string query, int topK, CancellationToken cancellationToken)
        {
            Query = query;
            OnRetrieve?.Invoke();
            return Task.FromResult<IReadOnlyList<ScoredChunk>>([]);
        }
    }

    private sealed class UpperCaser : IQueryRewriter
    {
        public Task<string> RewriteAsync(string query, CancellationToken cancellationToken) => Task.FromResult(query.ToUpperInvariant());
    }

    private sealed class WarmingGenerator : IAnswerGenerator, Grounded.Rag.Answer.IWarmsUp
    {
        public bool Warmed { get; private set; }

        public bool WarmedBeforeRetrieval { get; set; }

        public string Name => "warming";

        public void BeginWarmUp() => Warmed = true;

        public Task<GeneratedAnswer> GenerateAsync(string question, IReadOnlyList<ScoredChunk> evidence, CancellationToken cancellationToken) =>
            Task.FromResult(GeneratedAnswer.Abstain());
    }

    private sealed class FixedRetriever : IRetriever
    {
        public Task<IReadOnlyList<ScoredChunk>> RetrieveAsync(string query, int topK, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ScoredChunk>>([new ScoredChunk(new StoredChunk("c", "d", "s.txt", new Chunk(0, "text", 0, 4, "", 1)), 0.1)]);
    }

    private sealed class AbstainingGenerator : IAnswerGenerator
    {
        public string Name => "abstainer";

        public Task<GeneratedAnswer> GenerateAsync(string question, IReadOnlyList<ScoredChunk> evidence, CancellationToken cancellationToken) =>
            Task.FromResult(new GeneratedAnswer(GeneratedAnswer.AbstentionText, true, [new Citation(1, "d", "s.txt", "c", 0.1, "text")]));
    }

    private sealed class CountingRetriever : IRetriever
    {
        public int AskedFor { get; private set; }

        public Task<IReadOnlyList<ScoredChunk>> RetrieveAsync(string query, int topK, CancellationToken cancellationToken)
        {
            AskedFor = topK;
            return Task.FromResult<IReadOnlyList<ScoredChunk>>(Enumerable.Range(0, topK)
                .Select(i => new ScoredChunk(new StoredChunk($"c{i}", "d", "d.txt", new Chunk(0, "text", 0, 4, string.Empty, 1)), 1.0 / (i + 1))).ToList());
        }
    }

    private sealed class ReversingReranker : IReranker
    {
        public Task<IReadOnlyList<ScoredChunk>> RerankAsync(string query, IReadOnlyList<ScoredChunk> candidates, int topK, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ScoredChunk>>(candidates.Reverse().Take(topK).ToList());
    }

    private sealed class EchoGenerator : IAnswerGenerator
    {
        public string Name => "echo";

        public Task<GeneratedAnswer> GenerateAsync(string question, IReadOnlyList<ScoredChunk> evidence, CancellationToken cancellationToken) =>
            Task.FromResult(new GeneratedAnswer(question, false, []));
    }
}
