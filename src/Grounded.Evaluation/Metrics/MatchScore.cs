namespace Grounded.Evaluation.Metrics;

/// <summary>How well a matcher's hits agree with labelled pairs.</summary>
/// <param name="Hits">How many pairs the matcher served as a hit.</param>
/// <param name="Precision">The share of hits that are labelled paraphrases; null when there are no hits.</param>
/// <param name="Recall">The share of labelled paraphrases served as hits.</param>
/// <param name="HitRate">The share of all pairs served as hits.</param>
public sealed record MatchScore(int Hits, double? Precision, double Recall, double HitRate)
{
    /// <summary>Scores <paramref name="hits"/> (the matcher's decision per pair) against <paramref name="paraphrases"/> (the labels).</summary>
    public static MatchScore Of(IReadOnlyList<bool> paraphrases, IReadOnlyList<bool> hits)
    {
        ArgumentNullException.ThrowIfNull(paraphrases);
        ArgumentNullException.ThrowIfNull(hits);
        if (paraphrases.Count != hits.Count)
        {
            throw new ArgumentException($"{hits.Count} decisions for {paraphrases.Count} pairs", nameof(hits));
        }

        int served = 0, correct = 0, positives = 0;
        for (var i = 0; i < hits.Count; i++)
        {
            positives += paraphrases[i] ? 1 : 0;
            served += hits[i] ? 1 : 0;
            correct += hits[i] && paraphrases[i] ? 1 : 0;
        }

        return new MatchScore(
            served,
            served == 0 ? null : (double)correct / served,
            positives == 0 ? 0 : (double)correct / positives,
            hits.Count == 0 ? 0 : (double)served / hits.Count);
    }
}
