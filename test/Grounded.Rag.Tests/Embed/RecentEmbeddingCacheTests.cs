using Grounded.Rag.Embed;
using Grounded.Rag.Tests.Fakes;
using Microsoft.Extensions.AI;

namespace Grounded.Rag.Tests.Embed;

public sealed class RecentEmbeddingCacheTests : IDisposable
{
    private readonly HashedBagOfWordsEmbeddingGenerator _inner = new();

    public void Dispose() => _inner.Dispose();

    [Fact]
    public async Task TextsSeenBeforeAreNotEmbeddedAgainAndComeBackInOrder()
    {
        using var cache = new RecentEmbeddingCache(_inner);
        await cache.GenerateAsync(["alpha beta", "gamma delta"]);

        var again = await cache.GenerateAsync(["gamma delta", "epsilon", "alpha beta", "epsilon"]);

        Assert.Equal(3, _inner.TextsEmbedded); // alpha beta, gamma delta, then epsilon once
        var direct = await _inner.GenerateAsync(["gamma delta", "epsilon", "alpha beta", "epsilon"]);
        Assert.Equal(direct.Select(d => d.Vector.ToArray()), again.Select(a => a.Vector.ToArray()));
    }

    [Fact]
    public async Task TheLeastRecentlyUsedTextIsForgottenFirst()
    {
        using var cache = new RecentEmbeddingCache(_inner, capacity: 2);
        await cache.GenerateAsync(["one"]);
        await cache.GenerateAsync(["two"]);
        await cache.GenerateAsync(["one"]);   // "one" is now the most recent
        await cache.GenerateAsync(["three"]); // evicts "two"
        var before = _inner.TextsEmbedded;

        await cache.GenerateAsync(["one", "three"]);
        await cache.GenerateAsync(["two"]);

        Assert.Equal(before + 1, _inner.TextsEmbedded);
    }

    [Fact]
    public void PassesTheModelProfileThrough()
    {
        using var cache = new RecentEmbeddingCache(_inner);

        Assert.Equal("query: ", cache.GetService<EmbeddingModelProfile>()?.QueryPrefix);
    }
}
