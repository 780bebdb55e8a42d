namespace Grounded.Hosting.Monitoring;

/// <summary>The series a dashboard draws: the range, its buckets, its totals and its models.</summary>
/// <param name="Range">The range covered.</param>
/// <param name="Buckets">Every bucket of the range, oldest first, empty ones included.</param>
/// <param name="Totals">The sums over the whole range.</param>
/// <param name="Models">The models that served in the range, the busiest first.</param>
public sealed record MonitoringSeries(MonitoringRange Range, IReadOnlyList<SeriesPoint> Buckets, SeriesPoint Totals, IReadOnlyList<ModelPoint> Models);
