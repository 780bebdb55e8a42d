using Grounded.Prompts;

namespace Grounded.Hosting.Prompts;

/// <summary>What <c>promote</c> did: promoted, refused by the gate (with both scores), or nothing (the version was already active).</summary>
/// <param name="Status"><c>promoted</c>, <c>refused</c> or <c>unchanged</c>.</param>
/// <param name="Candidate">The version asked for (<c>id@version</c>).</param>
/// <param name="Environment">The environment.</param>
public sealed record PromotionOutcome(string Status, string Candidate, string Environment)
{
    /// <summary>Gets the version active before (null when none was).</summary>
    public string? Current { get; init; }

    /// <summary>Gets the gated metric (null when nothing was scored).</summary>
    public string? Metric { get; init; }

    /// <summary>Gets the candidate's score.</summary>
    public double? CandidateScore { get; init; }

    /// <summary>Gets the active version's score the candidate was compared with.</summary>
    public double? CurrentScore { get; init; }

    /// <summary>Gets how far below the active version's score the candidate may be.</summary>
    public double Tolerance { get; init; }

    /// <summary>Gets whether the gate was overridden.</summary>
    public bool Forced { get; init; }

    /// <summary>Gets the evaluator that scored (<c>eval</c>: the data set run through the prompt).</summary>
    public string? Evaluator { get; init; }

    /// <summary>Gets why, in one sentence.</summary>
    public string Reason { get; init; } = string.Empty;

    /// <summary>Gets whether the switch was made (or not needed).</summary>
    public bool Succeeded => Status != "refused";
}
