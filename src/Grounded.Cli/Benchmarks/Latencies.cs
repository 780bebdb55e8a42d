using System.Diagnostics;

namespace Grounded.Cli.Benchmarks;

/// <summary>Per-query latencies of one run, summarised as throughput and percentiles.</summary>
internal sealed class Latencies
{
    private readonly List<double> _milliseconds = [];

    /// <summary>Times <paramref name="query"/> once.</summary>
    public T Time<T>(Func<T> query)
    {
        var start = Stopwatch.GetTimestamp();
        var result = query();
        _milliseconds.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        return result;
    }

    /// <summary>Times <paramref name="query"/> once.</summary>
    public async Task<T> TimeAsync<T>(Func<Task<T>> query)
    {
        var start = Stopwatch.GetTimestamp();
        var result = await query().ConfigureAwait(false);
        _milliseconds.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        return result;
    }

    public double Qps => _milliseconds.Count == 0 ? 0 : Math.Round(_milliseconds.Count / (_milliseconds.Sum() / 1000), 1);

    public double P50 => Percentile(0.50);

    public double P99 => Percentile(0.99);

    private double Percentile(double p)
    {
        if (_milliseconds.Count == 0)
        {
            return 0;
        }

        var sorted = _milliseconds.Order().ToList();
        return Math.Round(sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)], 3);
    }
}
