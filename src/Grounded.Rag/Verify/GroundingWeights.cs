namespace Grounded.Rag.Verify;

/// <summary>
/// The local support model: a logistic regression over the claim's similarity to its best-matching source sentence,
/// its content-word coverage, and whether it states a number the source does not. The coefficients were fitted by
/// <c>bench grounding</c> on COVID-QA (answers against their own passage, against the nearest passage of another paper,
/// and with a number changed); docs/benchmarks.md ("Grounding verification") has the separation it reaches.
/// </summary>
/// <param name="Intercept">The bias.</param>
/// <param name="Similarity">The weight of the best sentence cosine.</param>
/// <param name="Coverage">The weight of the content-word coverage.</param>
/// <param name="MissingNumber">The weight of a stated number the source lacks (a strong negative).</param>
internal sealed record GroundingWeights(double Intercept, double Similarity, double Coverage, double MissingNumber)
{
    /// <summary>Gets the coefficients fitted on COVID-QA.</summary>
    public static GroundingWeights Calibrated { get; } = new(-12.0, 10.0, 6.0, -6.0);

    /// <summary>Returns the probability that the source supports the claim.</summary>
    public double Probability(SupportFeatures features)
    {
        var z = Intercept + (Similarity * features.Similarity) + (Coverage * features.Coverage) + (features.Missing.Count > 0 ? MissingNumber : 0);
        return 1 / (1 + Math.Exp(-z));
    }
}
