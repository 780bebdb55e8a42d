using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace Grounded.Testing;

/// <summary>A fake clock that also records every timer created, so a test can wait until a delay is scheduled, then advance past it.</summary>
public sealed class ObservedTime : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _timers = new();

    public FakeTimeProvider Fake { get; } = new();

    public IReadOnlyList<TimeSpan> Timers => [.. _timers];

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = Fake.CreateTimer(callback, state, dueTime, period);
        _timers.Enqueue(dueTime);
        return timer;
    }

    /// <summary>Waits (real time, bounded) until a timer of exactly <paramref name="due"/> has been created.</summary>
    public async Task WaitForTimerAsync(TimeSpan due)
    {
        for (var i = 0; i < 2000 && !_timers.Contains(due); i++)
        {
            await Task.Delay(5);
        }

        Assert.Contains(due, Timers);
    }
}
