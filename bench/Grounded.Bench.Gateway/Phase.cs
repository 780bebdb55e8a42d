namespace Grounded.Bench.Gateway;

/// <summary>What one fixed-rate phase measured: per-request latency (from the actual send), time to first token, schedule lag, errors.</summary>
internal sealed record Phase(string Target, int Rate, int Sent, int Errors, double[] LatencyMs, double[] FirstTokenMs, double[] LagMs, double ElapsedS)
{
    public double P(double q) => Percentile(LatencyMs, q);

    public double Ttft(double q) => Percentile(FirstTokenMs, q);

    public double Lag(double q) => Percentile(LagMs, q);

    public double AchievedRps => (Sent - Errors) / ElapsedS;

    public static double Percentile(double[] values, double q)
    {
        if (values.Length == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var index = (int)Math.Ceiling(q * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
    }

    /// <summary>Merges rounds of the same target and rate.</summary>
    public static Phase Merge(IReadOnlyList<Phase> phases) => new(
        phases[0].Target, phases[0].Rate, phases.Sum(p => p.Sent), phases.Sum(p => p.Errors),
        [.. phases.SelectMany(p => p.LatencyMs)], [.. phases.SelectMany(p => p.FirstTokenMs)], [.. phases.SelectMany(p => p.LagMs)], phases.Sum(p => p.ElapsedS));
}
