namespace Grounded.Bench;

/// <summary>A trained binary classifier over embedding vectors.</summary>
internal interface IScorer
{
    /// <summary>Returns the probability that the vector's text is positive.</summary>
    double Probability(ReadOnlySpan<float> x);
}
