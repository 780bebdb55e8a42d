using Grounded.Hosting.Tests.Support;
using Grounded.Rag;
using Grounded.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Grounded.Hosting.Tests;

/// <summary>The store and model open once for every caller: one caller's cancellation is its own, and a failed open is not retried by every request of a burst.</summary>
public sealed class GroundedStackOpeningTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    [Fact]
    public async Task ACallerThatGivesUpDoesNotCancelTheOpenForTheOthers()
    {
        await using var stack = GroundedStack.Create(new GroundedOptions { Rag = new LocalRagOptions { Store = fixture.Store.Location } });
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stack.GetRagAsync(cancelled.Token));
        var rag = await stack.GetRagAsync();

        Assert.Equal(3, (await rag.Store.GetStatisticsAsync(CancellationToken.None)).Documents);
        Assert.Same(rag, await stack.GetRagAsync());
    }

    [Fact]
    public async Task AFailedOpenIsRememberedForAFewSecondsThenTriedAgain()
    {
        var time = new FakeTimeProvider();
        await using var stack = GroundedStack.Create(new GroundedOptions { Rag = new LocalRagOptions { Store = "postgres://nobody@127.0.0.1:1/none" } }, time: time);

        var first = await Assert.ThrowsAsync<StoreException>(() => stack.GetRagAsync());
        var soon = await Assert.ThrowsAsync<StoreException>(() => stack.GetRagAsync());
        time.Advance(TimeSpan.FromSeconds(6));
        var later = await Assert.ThrowsAsync<StoreException>(() => stack.GetRagAsync());

        Assert.Same(first, soon);
        Assert.NotSame(first, later);
        Assert.False(stack.IsRagOpen);
    }
}
