namespace Grounded.Evaluation.Metrics;

/// <summary>A binary classifier's confusion counts, and the rates made from them.</summary>
/// <param name="TruePositives">Positives called positive.</param>
/// <param name="FalsePositives">Negatives called positive.</param>
/// <param name="TrueNegatives">Negatives called negative.</param>
/// <param name="FalseNegatives">Positives called negative.</param>
public readonly record struct BinaryCounts(int TruePositives, int FalsePositives, int TrueNegatives, int FalseNegatives)
{
    /// <summary>Gets the number of items counted.</summary>
    public int Items => TruePositives + FalsePositives + TrueNegatives + FalseNegatives;

    /// <summary>Gets the share of positive calls that were right (1 when nothing was called positive).</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : TruePositives / (double)(TruePositives + FalsePositives);

    /// <summary>Gets the share of positives called positive (0 when there are none).</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : TruePositives / (double)(TruePositives + FalseNegatives);

    /// <summary>Gets the harmonic mean of precision and recall (0 when no positive was found).</summary>
    public double F1 => TruePositives == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Gets the share of negatives called positive (0 when there are none).</summary>
    public double FalsePositiveRate => FalsePositives + TrueNegatives == 0 ? 0 : FalsePositives / (double)(FalsePositives + TrueNegatives);

    /// <summary>Returns the counts with one more item, called <paramref name="predicted"/>, truly <paramref name="actual"/>.</summary>
    public BinaryCounts Add(bool predicted, bool actual) => (predicted, actual) switch
    {
        (true, true) => this with { TruePositives = TruePositives + 1 },
        (true, false) => this with { FalsePositives = FalsePositives + 1 },
        (false, false) => this with { TrueNegatives = TrueNegatives + 1 },
        _ => this with { FalseNegatives = FalseNegatives + 1 },
    };

    /// <summary>Returns the counts of <paramref name="predicted"/> calls against <paramref name="actual"/> labels, item by item.</summary>
    public static BinaryCounts Of(IEnumerable<bool> predicted, IEnumerable<bool> actual) =>
        predicted.Zip(actual).Aggregate(default(BinaryCounts), (counts, x) => counts.Add(x.First, x.Second));
}
