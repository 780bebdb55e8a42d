using Grounded.Rag.Index;
using Grounded.Storage;

namespace Grounded.Rag.Tests.Index;

public sealed class LastTermStatisticsTests
{
    [Fact]
    public async Task TheSameTermsAskedAgainInAnyOrderAreCountedOnce()
    {
        var store = new CountingStatistics();
        var statistics = new LastTermStatistics(store);

        var first = await statistics.GetTermStatisticsAsync(["ferrets", "weight"], CancellationToken.None);
        var second = await statistics.GetTermStatisticsAsync(["weight", "ferrets"], CancellationToken.None);

        Assert.Same(first, second);
        Assert.Equal(1, store.Calls);
    }

    [Fact]
    public async Task OtherTermsAreCountedAfresh()
    {
        var store = new CountingStatistics();
        var statistics = new LastTermStatistics(store);

        await statistics.GetTermStatisticsAsync(["ferrets"], CancellationToken.None);
        var other = await statistics.GetTermStatisticsAsync(["carrageenan"], CancellationToken.None);

        Assert.Equal(2, store.Calls);
        Assert.Equal(["carrageenan"], other.ChunkFrequency.Keys);
    }

    private sealed class CountingStatistics : ITermStatistics
    {
        public int Calls { get; private set; }

        public Task<TermStatistics> GetTermStatisticsAsync(IReadOnlyCollection<string> terms, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(new TermStatistics(100, terms.ToDictionary(t => t, _ => 3L)));
        }
    }
}
