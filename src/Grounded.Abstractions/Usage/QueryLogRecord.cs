namespace Grounded.Usage;

/// <summary>
/// One answered question's line in the query log, for drift monitoring: when, whose, the question's embedding (never
/// its text), how well the index matched it, and what the answer and the guards did.
/// </summary>
/// <param name="At">When the answer was given (UTC).</param>
/// <param name="Tenant">The caller's tenant.</param>
/// <param name="Embedding">The question's embedding by the store's model (unit length).</param>
public sealed record QueryLogRecord(DateTimeOffset At, string Tenant, float[] Embedding)
{
    /// <summary>Gets the best retrieved chunk's score; null when nothing was retrieved.</summary>
    public double? TopScore { get; init; }

    /// <summary>Gets whether the answerer abstained.</summary>
    public bool Abstained { get; init; }

    /// <summary>Gets how many guard decisions other than allow the request met (input guards, and the guards on retrieved chunks).</summary>
    public int GuardTriggers { get; init; }

    /// <summary>Gets the grounding check's (or judge's) confidence in the answer, from 0 to 1; null when no check ran or the answer abstained.</summary>
    public double? GroundingScore { get; init; }
}
