namespace Grounded.Rag.Verify;

/// <summary>How answers are checked claim by claim against the sources they cite (<c>guards.grounding</c>).</summary>
public sealed record GroundingOptions
{
    /// <summary>Gets what happens to unsupported claims.</summary>
    /// <value>The default is <see cref="GroundingPolicy.Annotate"/>: every answer carries its grounding, its text unchanged.</value>
    public GroundingPolicy Policy { get; init; } = GroundingPolicy.Annotate;

    /// <summary>Gets the share of supported claims below which <see cref="GroundingPolicy.Abstain"/> abstains.</summary>
    /// <value>The default is 0.5: an answer most of whose claims its sources do not support is withheld.</value>
    public double MinSupport { get; init; } = 0.5;

    /// <summary>Gets the support (0 to 1) from which a claim counts as supported.</summary>
    /// <value>The default is 0.5, the threshold the local model was calibrated for (docs/benchmarks.md, "Grounding verification").</value>
    public double Threshold { get; init; } = 0.5;

    /// <summary>Gets how many answers are sampled again at temperature 0.3 to check the claims' consistency (model answers only); 0 turns it off.</summary>
    /// <value>The default is 0.</value>
    public int Samples { get; init; }

    /// <summary>Returns every problem with these options (empty when they are valid).</summary>
    public IEnumerable<string> Validate()
    {
        if (MinSupport is < 0 or > 1 || double.IsNaN(MinSupport))
        {
            yield return $"the grounding minSupport must be between 0 and 1 (got {MinSupport})";
        }

        if (Threshold is < 0 or > 1 || double.IsNaN(Threshold))
        {
            yield return $"the grounding threshold must be between 0 and 1 (got {Threshold})";
        }

        if (Samples is < 0 or > 10)
        {
            yield return $"the grounding samples must be between 0 and 10 (got {Samples})";
        }
    }
}
