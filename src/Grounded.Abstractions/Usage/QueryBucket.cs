namespace Grounded.Usage;

/// <summary>One bucket of the query log's series: answers, abstentions, grounding confidence and guard triggers.</summary>
/// <param name="Start">The bucket's first instant.</param>
public sealed record QueryBucket(DateTimeOffset Start)
{
    /// <summary>Gets how many questions were answered (abstentions included).</summary>
    public long Answers { get; init; }

    /// <summary>Gets how many answers abstained.</summary>
    public long Abstentions { get; init; }

    /// <summary>Gets how many answers carry a grounding score.</summary>
    public long Graded { get; init; }

    /// <summary>Gets the mean grounding score of the graded answers; null when none was graded.</summary>
    public double? GroundingMean { get; init; }

    /// <summary>Gets the guard decisions other than allow that the questions met.</summary>
    public long GuardTriggers { get; init; }
}
