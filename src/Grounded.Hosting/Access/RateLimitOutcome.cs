using Grounded.Access;

namespace Grounded.Hosting.Access;

/// <summary>What taking a request from a key's buckets did.</summary>
/// <param name="RefusedBy">The limit that refused the request (<c>requests</c> or <c>tokens</c>), or null when it may go on.</param>
/// <param name="Limit">The per-minute limit the decision is about (0 when the key has none).</param>
/// <param name="Decision">The bucket's decision: what remains, and when to come back.</param>
public readonly record struct RateLimitOutcome(string? RefusedBy, long Limit, RateDecision Decision)
{
    /// <summary>Gets the outcome for a key without limits.</summary>
    public static RateLimitOutcome Unlimited { get; } = new(null, 0, new RateDecision(true, 0, TimeSpan.Zero));

    /// <summary>Gets how many requests the key has left this minute, whichever limit decided.</summary>
    public long RequestsLeft { get; init; }

    /// <summary>Gets whether the request may go on.</summary>
    public bool Allowed => RefusedBy is null;
}
