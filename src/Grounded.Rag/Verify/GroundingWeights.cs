namespace Grounded.Rag.Verify;

/// <summary>
/// The local support model: a logistic regression over the claim's similarity to its best-matching source sentence,
/// its content-word coverage, and whether it states a number the source does not. The coefficients were fitted by
/// <c>bench grounding</c> (class-balanced) on the even-numbered items of COVID-QA (gold answers against their own
/// passage, the nearest passage of another paper or of their own paper without them, and with a number changed) and
/// SciFact (claims against their cited and the nearest other abstract); docs/benchmarks.md ("Grounding verification")
/// has the separation they reach on the odd-numbered items.
/// </summary>
/// <param name="Intercept">The bias.</param>
/// <param name="Similarity">The weight of the best sentence cosine.</param>
/// <param name="Coverage">The weight of the content-word coverage.</param>
/// <param name="MissingNumber">The weight of a stated number the source lacks (a strong negative).</param>
internal sealed record GroundingWeights(double Intercept, double Similarity, double Coverage, double MissingNumber)
{
    /// <summary>Gets the coefficients fitted on COVID-QA.</summary>
    public static GroundingWeights Calibrated { get; } = new(-5.05, 3.61, 3.32, -2.16);

    /// <summary>Returns the probability that the source supports the claim.</summary>
    public double Probability(SupportFeatures features)
    {
        var z = Intercept + (Similarity * features.Similarity) + (Coverage * features.Coverage) + (features.Missing.Count > 0 ? MissingNumber : 0);
        return 1 / (1 + Math.Exp(-z));
    }
}
