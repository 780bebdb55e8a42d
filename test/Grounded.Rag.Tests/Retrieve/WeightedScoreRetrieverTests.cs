using Grounded.Rag.Retrieve;
using static Grounded.Rag.Tests.Retrieve.FakeRetrievers;

namespace Grounded.Rag.Tests.Retrieve;

public sealed class WeightedScoreRetrieverTests
{
    // dense scores normalise to a 1, b 0.5, c 0; keyword scores to c 1, d 1/3, a 0.
    private readonly Fixed _dense = new(Hit("a", 0.9), Hit("b", 0.7), Hit("c", 0.5));
    private readonly Fixed _keyword = new(Hit("c", 12), Hit("d", 6), Hit("a", 3));

    [Fact]
    public async Task ScoresAreNormalisedPerLegAndCombinedByWeight()
    {
        var hits = await new WeightedScoreRetriever(_dense, _keyword, keywordWeight: 2).RetrieveAsync("q", 4, CancellationToken.None);

        // dense counts 1/3, keyword 2/3: c 2/3, a 1/3, d 2/9, b 1/6
        Assert.Equal(["c", "a", "d", "b"], hits.Select(h => h.Chunk.Id));
        Assert.Equal(2.0 / 3, hits[0].Score, 9);
        Assert.Equal(2.0 / 9, hits[2].Score, 9);
    }

    [Fact]
    public async Task ALowerKeywordWeightLetsTheDenseLegWin()
    {
        var hits = await new WeightedScoreRetriever(_dense, _keyword, keywordWeight: 0.25).RetrieveAsync("q", 3, CancellationToken.None);

        Assert.Equal(["a", "b", "c"], hits.Select(h => h.Chunk.Id)); // dense counts 0.8, keyword 0.2: a 0.8, b 0.4, c 0.2
        Assert.Equal(0.8, hits[0].Score, 9);
    }

    [Fact]
    public async Task AnEmptyLegLeavesTheOtherLegsOrder()
    {
        var hits = await new WeightedScoreRetriever(_dense, new Fixed(), keywordWeight: 3).RetrieveAsync("🙂", 3, CancellationToken.None);

        Assert.Equal(["a", "b", "c"], hits.Select(h => h.Chunk.Id));
    }

    [Fact]
    public async Task ALegWithOneCandidateCountsItFully()
    {
        var hits = await new WeightedScoreRetriever(new Fixed(Hit("x", 0.2)), new Fixed(Hit("x", 5)), keywordWeight: 1).RetrieveAsync("q", 3, CancellationToken.None);

        Assert.Equal(1.0, Assert.Single(hits).Score, 9);
    }

    [Fact]
    public async Task TheLegsRunConcurrently()
    {
        TaskCompletionSource dense = new(TaskCreationOptions.RunContinuationsAsynchronously), keyword = new(TaskCreationOptions.RunContinuationsAsynchronously);
        var retriever = new WeightedScoreRetriever(new Rendezvous(dense, keyword, Hit("a", 1)), new Rendezvous(keyword, dense, Hit("b", 1)));

        var hits = await retriever.RetrieveAsync("q", 2, CancellationToken.None);

        Assert.Equal(2, hits.Count);
    }

    [Fact]
    public async Task HybridRankFusionRunsItsLegsConcurrentlyToo()
    {
        TaskCompletionSource dense = new(TaskCreationOptions.RunContinuationsAsynchronously), keyword = new(TaskCreationOptions.RunContinuationsAsynchronously);
        var retriever = new HybridRetriever(new Rendezvous(dense, keyword, Hit("a", 1)), new Rendezvous(keyword, dense, Hit("b", 1)));

        var hits = await retriever.RetrieveAsync("q", 2, CancellationToken.None);

        Assert.Equal(2, hits.Count);
    }

    [Fact]
    public async Task AChunksScoreDoesNotDependOnHowManyResultsWereAskedFor()
    {
        var dense = new Fixed([.. Enumerable.Range(0, 300).Select(i => Hit($"d{i}", 1 - (i / 300.0)))]);
        var keyword = new Fixed([.. Enumerable.Range(0, 300).Select(i => Hit($"d{(i * 7) % 300}", 30 - (i / 10.0)))]);
        var retriever = new WeightedScoreRetriever(dense, keyword, keywordWeight: 1);

        var few = await retriever.RetrieveAsync("q", 5, CancellationToken.None);
        var many = await retriever.RetrieveAsync("q", 250, CancellationToken.None);

        Assert.Equal(few.Select(h => (h.Chunk.Id, h.Score)), many.Take(5).Select(h => (h.Chunk.Id, h.Score)));
        Assert.All(many.Skip(200), h => Assert.Equal(0, h.Score)); // below both legs' normalisation windows
    }
}
