namespace Grounded.Hosting.Monitoring;

/// <summary>One model's requests over a range.</summary>
/// <param name="Model">The model that served (<c>cache</c> for cache hits, <c>none</c> for requests no model served).</param>
/// <param name="Requests">How many requests it served.</param>
/// <param name="Errors">How many of them failed.</param>
/// <param name="CostUsd">The dollars they cost.</param>
/// <param name="P95Ms">The 95th percentile of their latency in milliseconds.</param>
public sealed record ModelPoint(string Model, long Requests, long Errors, decimal CostUsd, double P95Ms);
