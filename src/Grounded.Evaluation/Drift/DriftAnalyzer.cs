using Grounded.Usage;

namespace Grounded.Evaluation.Drift;

/// <summary>
/// Compares recent traffic (query log rows) with a reference window: where the questions are in embedding space (the
/// distance between the windows' centroids, tested by permutation; the spread around each centroid), the best
/// retrieval score, the abstention rate, the guard trigger rate and the grounding score. A signal is flagged when its
/// change is significant (p below <see cref="Level"/>) and at least its minimum effect: a large enough sample makes any
/// change significant, and only a change that large is worth a look.
/// </summary>
public static class DriftAnalyzer
{
    /// <summary>The significance level a change must pass.</summary>
    public const double Level = 0.01;

    /// <summary>The fewest questions a window must hold to be compared.</summary>
    public const int MinimumQueries = 20;

    /// <summary>The smallest flagged changes: cosine distance for the embedding signals, score units for scores, absolute rates.</summary>
    public static IReadOnlyDictionary<string, double> MinimumEffects { get; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["query_centroid_distance"] = 0.02,
        ["query_spread"] = 0.02,
        ["top_score"] = 0.05,
        ["abstention_rate"] = 0.05,
        ["guard_trigger_rate"] = 0.05,
        ["grounding_score"] = 0.05,
    };

    // At most this many questions of each window go into the permutation test; it draws this many shuffles.
    private const int PermutationSample = 1000;
    private const int Permutations = 999;

    /// <summary>Returns the comparison; deterministic for the same rows.</summary>
    public static DriftReport Compare(IReadOnlyList<QueryLogRecord> recent, IReadOnlyList<QueryLogRecord> reference)
    {
        ArgumentNullException.ThrowIfNull(recent);
        ArgumentNullException.ThrowIfNull(reference);
        var recentVectors = Unit(recent);
        var referenceVectors = Unit(reference);
        var recentSpread = DistancesToCentroid(recentVectors);
        var referenceSpread = DistancesToCentroid(referenceVectors);
        var recentSummary = Summarize(recent, recentSpread);
        var referenceSummary = Summarize(reference, referenceSpread);
        if (recent.Count < MinimumQueries || reference.Count < MinimumQueries)
        {
            var message = $"too few questions to compare: the recent window holds {recent.Count} and the reference window {reference.Count}; each needs at least {MinimumQueries}";
            return new DriftReport(recentSummary, referenceSummary, [], false, message);
        }

        List<DriftSignal> signals =
        [
            CentroidSignal(recentVectors, referenceVectors),
            Continuous("query_spread", recentSpread, referenceSpread),
            Continuous("top_score", [.. recent.Where(r => r.TopScore is not null).Select(r => r.TopScore!.Value)], [.. reference.Where(r => r.TopScore is not null).Select(r => r.TopScore!.Value)]),
            Proportion("abstention_rate", recent.Count(r => r.Abstained), recent.Count, reference.Count(r => r.Abstained), reference.Count),
            Proportion("guard_trigger_rate", recent.Count(r => r.GuardTriggers > 0), recent.Count, reference.Count(r => r.GuardTriggers > 0), reference.Count),
            Continuous("grounding_score", [.. recent.Where(r => r.GroundingScore is not null).Select(r => r.GroundingScore!.Value)], [.. reference.Where(r => r.GroundingScore is not null).Select(r => r.GroundingScore!.Value)]),
        ];
        return new DriftReport(recentSummary, referenceSummary, signals, signals.Any(s => s.Flagged), null);
    }

    private static WindowSummary Summarize(IReadOnlyList<QueryLogRecord> rows, List<double> spread) => new(
        rows.Count,
        spread.Count == 0 ? null : spread.Average(),
        Mean(rows.Select(r => r.TopScore)),
        rows.Count == 0 ? 0 : rows.Count(r => r.Abstained) / (double)rows.Count,
        rows.Count == 0 ? 0 : rows.Count(r => r.GuardTriggers > 0) / (double)rows.Count,
        Mean(rows.Select(r => r.GroundingScore)));

    private static DriftSignal Continuous(string name, List<double> recent, List<double> reference)
    {
        var minimum = MinimumEffects[name];
        if (recent.Count < MinimumQueries || reference.Count < MinimumQueries)
        {
            return new DriftSignal(name, recent.Count == 0 ? null : recent.Average(), reference.Count == 0 ? null : reference.Average(), null, null, false, minimum);
        }

        var (p, _) = SignificanceTests.MannWhitney(recent, reference);
        var delta = recent.Average() - reference.Average();
        return new DriftSignal(name, recent.Average(), reference.Average(), delta, p, p < Level && Math.Abs(delta) >= minimum, minimum);
    }

    private static DriftSignal Proportion(string name, int recentHits, int recentN, int referenceHits, int referenceN)
    {
        var minimum = MinimumEffects[name];
        var recent = recentHits / (double)recentN;
        var reference = referenceHits / (double)referenceN;
        var p = SignificanceTests.TwoProportions(recentHits, recentN, referenceHits, referenceN);
        return new DriftSignal(name, recent, reference, recent - reference, p, p < Level && Math.Abs(recent - reference) >= minimum, minimum);
    }

    // The distance between the windows' centroids, against its distribution when the window labels are shuffled (the
    // distance two samples of one traffic would show): p = (1 + shuffles at least as far) / (1 + shuffles).
    private static DriftSignal CentroidSignal(List<float[]> recent, List<float[]> reference)
    {
        const string name = "query_centroid_distance";
        var random = new Random(15);
        var a = Sample(recent, random);
        var b = Sample(reference, random);
        var pooled = a.Concat(b).ToList();
        var total = Sum(pooled);
        var observed = Distance(Sum(a), Subtract(total, Sum(a)));
        var indices = Enumerable.Range(0, pooled.Count).ToArray();
        var atLeast = 0;
        var nullSum = 0.0;
        for (var k = 0; k < Permutations; k++)
        {
            random.Shuffle(indices);
            var first = new double[total.Length];
            for (var i = 0; i < a.Count; i++)
            {
                Add(first, pooled[indices[i]]);
            }

            var d = Distance(first, Subtract(total, first));
            nullSum += d;
            atLeast += d >= observed ? 1 : 0;
        }

        var expected = nullSum / Permutations;
        var p = (1.0 + atLeast) / (1.0 + Permutations);
        var minimum = MinimumEffects[name];
        return new DriftSignal(name, observed, expected, observed - expected, p, p < Level && observed - expected >= minimum, minimum);
    }

    private static List<float[]> Sample(List<float[]> vectors, Random random) =>
        vectors.Count <= PermutationSample ? vectors : [.. random.GetItems(vectors.ToArray(), PermutationSample)];

    private static List<double> DistancesToCentroid(List<float[]> vectors)
    {
        if (vectors.Count == 0)
        {
            return [];
        }

        var centroid = Sum(vectors);
        return [.. vectors.Select(v => Distance(centroid, [.. v.Select(x => (double)x)]))];
    }

    private static List<float[]> Unit(IReadOnlyList<QueryLogRecord> rows) => [.. rows.Where(r => r.Embedding.Length > 0).Select(r =>
    {
        var norm = Math.Sqrt(r.Embedding.Sum(x => (double)x * x));
        return norm == 0 ? r.Embedding : [.. r.Embedding.Select(x => (float)(x / norm))];
    })];

    private static double[] Sum(IEnumerable<float[]> vectors)
    {
        double[]? sum = null;
        foreach (var v in vectors)
        {
            sum ??= new double[v.Length];
            Add(sum, v);
        }

        return sum ?? [];
    }

    private static void Add(double[] sum, float[] v)
    {
        for (var i = 0; i < Math.Min(sum.Length, v.Length); i++)
        {
            sum[i] += v[i];
        }
    }

    private static double[] Subtract(double[] x, double[] y) => [.. x.Select((v, i) => v - y[i])];

    // Cosine distance: direction only, so a sum stands for its centroid.
    private static double Distance(double[] x, double[] y)
    {
        double dot = 0, xx = 0, yy = 0;
        for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
        {
            dot += x[i] * y[i];
            xx += x[i] * x[i];
            yy += y[i] * y[i];
        }

        return xx == 0 || yy == 0 ? 0 : 1 - dot / Math.Sqrt(xx * yy);
    }

    private static double? Mean(IEnumerable<double?> values)
    {
        var present = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        return present.Count == 0 ? null : present.Average();
    }
}
