using Grounded.Rag.Embed;
using Grounded.Rag.Tests.Fakes;

namespace Grounded.Rag.Tests.Embed;

public sealed class LazyEmbeddingGeneratorTests
{
    private static readonly EmbeddingModelProfile Profile = new("fake-bag-of-words", 64, string.Empty, 512);

    [Fact]
    public void KnowsItsProfileWithoutLoadingTheModel()
    {
        var loads = 0;
        using var lazy = new LazyEmbeddingGenerator(() => { loads++; return new HashedBagOfWordsEmbeddingGenerator(Profile); }, Profile);

        Assert.Same(Profile, lazy.GetService(typeof(EmbeddingModelProfile)));
        Assert.Equal(0, loads);
    }

    [Fact]
    public async Task LoadsOnceWhetherStartedEarlyOrUsedDirectly()
    {
        var loads = 0;
        using var lazy = new LazyEmbeddingGenerator(() => { Interlocked.Increment(ref loads); Thread.Sleep(50); return new HashedBagOfWordsEmbeddingGenerator(Profile); }, Profile);

        lazy.BeginLoading();
        lazy.BeginLoading();
        var vectors = await lazy.GenerateAsync(["carrageenan nasal spray"]);

        Assert.Single(vectors);
        Assert.Equal(1, Volatile.Read(ref loads));
    }

    [Fact]
    public async Task AModelThatFailsToLoadEarlyFailsAtFirstUseWithItsOwnError()
    {
        using var lazy = new LazyEmbeddingGenerator(() => throw new InvalidOperationException("model resource missing"), Profile);

        lazy.BeginLoading();
        await Task.Delay(50);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => lazy.GenerateAsync(["text"]));
        Assert.Equal("model resource missing", error.Message);
    }
}
