using Grounded.Gateway.Cache;
using Microsoft.Extensions.Time.Testing;

namespace Grounded.Gateway.Tests.Cache;

public sealed class InMemorySemanticIndexTests
{
    private static readonly CachedAnswer Answer = new() { Text = "cached", RequestText = "q" };
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task TheNearestEntriesOfTheScopeComeFirst()
    {
        var index = new InMemorySemanticIndex(100, _time);
        await index.AddAsync("s", new float[] { 1, 0 }, Answer with { RequestText = "east" }, TimeSpan.FromHours(1), default);
        await index.AddAsync("s", new float[] { 0, 1 }, Answer with { RequestText = "north" }, TimeSpan.FromHours(1), default);
        await index.AddAsync("other", new float[] { 0.8f, 0.6f }, Answer with { RequestText = "elsewhere" }, TimeSpan.FromHours(1), default);

        var nearest = await index.NearestAsync("s", new float[] { 0.8f, 0.6f }, 4, default);

        Assert.Equal(["east", "north"], nearest.Select(n => n.Text));
        Assert.Equal(0.8, nearest[0].Cosine, 5);
    }

    [Fact]
    public async Task ExpiredEntriesAreNeverFoundAndTheirScopesAreSweptAway()
    {
        var index = new InMemorySemanticIndex(100, _time);
        for (var i = 0; i < InMemorySemanticIndex.SweepEvery - 1; i++)
        {
            await index.AddAsync("scope " + i, new float[] { 1, 0 }, Answer, TimeSpan.FromMinutes(1), default);
        }

        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Empty(await index.NearestAsync("scope 1", new float[] { 1, 0 }, 4, default));
        await index.AddAsync("fresh", new float[] { 1, 0 }, Answer, TimeSpan.FromMinutes(1), default); // the sweep's turn

        Assert.Equal(1, index.Count);
    }

    [Fact]
    public async Task PastTheIndexsCapTheScopesWrittenLongestAgoGoFirst()
    {
        var index = new InMemorySemanticIndex(100, _time, maxEntries: 10);
        for (var i = 0; i < 30; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await index.AddAsync("scope " + i, new float[] { 1, 0 }, Answer, TimeSpan.FromHours(1), default);
        }

        Assert.True(index.Count <= 11, $"{index.Count} entries kept");
        Assert.Single(await index.NearestAsync("scope 29", new float[] { 1, 0 }, 4, default));
        Assert.Empty(await index.NearestAsync("scope 0", new float[] { 1, 0 }, 4, default));
    }

    [Fact]
    public async Task AScopeKeepsItsNewestEntriesUpToItsCap()
    {
        var index = new InMemorySemanticIndex(3, _time);
        for (var i = 0; i < 5; i++)
        {
            await index.AddAsync("s", new float[] { 1, 0 }, Answer with { RequestText = "q" + i }, TimeSpan.FromHours(1), default);
        }

        Assert.Equal(["q2", "q3", "q4"], (await index.NearestAsync("s", new float[] { 1, 0 }, 10, default)).Select(n => n.Text).Order());
    }
}
