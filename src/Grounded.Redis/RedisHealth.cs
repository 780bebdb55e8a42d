namespace Grounded.Redis;

/// <summary>The outcome of a health check: whether the server answered, how fast, and why not when it did not.</summary>
/// <param name="Healthy">Whether the server answered a PING.</param>
/// <param name="LatencyMs">The round trip of the PING in milliseconds; 0 when it failed.</param>
/// <param name="Error">What went wrong, in one line; null when healthy.</param>
public readonly record struct RedisHealth(bool Healthy, double LatencyMs, string? Error);
