using System.Diagnostics;

namespace Grounded.Bench;

/// <summary>Where a run's time went: the spans the fake model and the fake tool spent inside themselves, in order.</summary>
internal sealed class StepClock
{
    private readonly List<(bool Model, long Start, long End)> _spans = [];

    public IReadOnlyList<(bool Model, long Start, long End)> Spans => _spans;

    public void Clear() => _spans.Clear();

    public T Time<T>(bool model, Func<T> work)
    {
        var start = Stopwatch.GetTimestamp();
        var result = work();
        _spans.Add((model, start, Stopwatch.GetTimestamp()));
        return result;
    }

    public static double Us(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;
}
