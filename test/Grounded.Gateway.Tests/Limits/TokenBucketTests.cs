using Grounded.Access;
using Grounded.Gateway.Limits;
using Microsoft.Extensions.Time.Testing;

namespace Grounded.Gateway.Tests.Limits;

public sealed class TokenBucketTests
{
    private static readonly RateLimit TwoPerSecond = new(2, TimeSpan.FromSeconds(1));
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void OnlyABucketThatFilledUpAgainCanBeRetired()
    {
        var bucket = new TokenBucket(TwoPerSecond, _time.GetTimestamp());
        bucket.TryAcquire(TwoPerSecond, 1, _time.GetTimestamp(), _time, out _);

        var whileRefilling = bucket.TryRetire(_time.GetTimestamp(), _time);
        _time.Advance(TimeSpan.FromMilliseconds(500));
        var onceFull = bucket.TryRetire(_time.GetTimestamp(), _time);

        Assert.False(whileRefilling);
        Assert.True(onceFull);
    }

    [Fact]
    public void ARetiredBucketRefusesToBeUsedSoTheCallerFetchesAFreshOne()
    {
        // A caller that fetched the bucket just before the sweep retired it must not take from it: a fresh bucket replaces it,
        // and taking from both would allow more than the capacity.
        var bucket = new TokenBucket(TwoPerSecond, _time.GetTimestamp());
        bucket.TryRetire(_time.GetTimestamp(), _time);

        Assert.False(bucket.TryAcquire(TwoPerSecond, 1, _time.GetTimestamp(), _time, out _));
        Assert.False(bucket.TryDebit(TwoPerSecond, 1, _time.GetTimestamp(), _time));
        Assert.False(bucket.TryRetire(_time.GetTimestamp(), _time));
    }

    [Fact]
    public void AnOlderTimestampArrivingLateRefillsNothing()
    {
        var start = _time.GetTimestamp();
        var bucket = new TokenBucket(TwoPerSecond, start);
        _time.Advance(TimeSpan.FromMilliseconds(250));
        bucket.TryAcquire(TwoPerSecond, 2, _time.GetTimestamp(), _time, out _);

        bucket.TryAcquire(TwoPerSecond, 0, start, _time, out var late);

        Assert.Equal(new RateDecision(false, 0, TimeSpan.FromMilliseconds(500)), late);
    }
}
