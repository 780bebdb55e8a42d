using System.Globalization;
using System.Numerics.Tensors;

namespace Grounded.Gateway.Cache;

/// <summary>
/// Decides whether a cached answer may serve a new request: the embeddings of the two requests' texts must have a
/// cosine similarity of at least <see cref="Threshold"/>, and a paraphrase guard must find no sign that the texts mean
/// different things although their embeddings are close (different numbers, a negation on one side only, a different
/// name, the same words in another order, a question word or a content word swapped).
/// </summary>
/// <remarks>
/// Embed <see cref="CacheText.Normalize"/> of each text, without a query instruction, with the same model on both sides;
/// give <see cref="Match"/> the texts as the users wrote them (the guard reads capital letters to tell names apart; a
/// normalised text works too, with that check weakened). The guard is deterministic and takes microseconds.
/// </remarks>
public sealed class SemanticMatcher
{
    /// <summary>The default similarity threshold: at 0.90 the matcher served no wrong answer on the COVID question pairs and kept 98.8% precision on PAWS (docs/benchmarks.md).</summary>
    public const double DefaultThreshold = 0.90;

    /// <summary>The matcher's precision at the default threshold on PAWS dev's 8,000 adversarial pairs (docs/benchmarks.md): the base of the estimated false-hit rate the server reports.</summary>
    public const double MeasuredPrecision = 0.988;

    /// <summary>Creates a matcher with a cosine threshold between 0 (exclusive) and 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is not in (0, 1].</exception>
    public SemanticMatcher(double threshold = DefaultThreshold)
    {
        if (ThresholdProblem(threshold) is { } problem)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, problem);
        }

        Threshold = threshold;
    }

    /// <summary>Gets the least cosine similarity of two embeddings for a hit.</summary>
    public double Threshold { get; }

    /// <summary>Returns what is wrong with <paramref name="threshold"/> as a similarity threshold, or null when it is usable.</summary>
    public static string? ThresholdProblem(double threshold) =>
        threshold is > 0 and <= 1 ? null : string.Create(CultureInfo.InvariantCulture, $"the semantic cache's threshold must be above 0 and at most 1 (got {threshold})");

    /// <summary>Decides whether the answer cached for <paramref name="cachedText"/> may serve <paramref name="requestText"/>.</summary>
    public SemanticMatch Match(string requestText, ReadOnlySpan<float> requestEmbedding, string cachedText, ReadOnlySpan<float> cachedEmbedding)
    {
        ArgumentNullException.ThrowIfNull(requestText);
        ArgumentNullException.ThrowIfNull(cachedText);
        if (requestEmbedding.Length != cachedEmbedding.Length || requestEmbedding.IsEmpty)
        {
            return new SemanticMatch(false, 0, "dimensions", $"{requestEmbedding.Length} vs {cachedEmbedding.Length} dimensions");
        }

        return Accepts(requestText, cachedText, TensorPrimitives.CosineSimilarity(requestEmbedding, cachedEmbedding));
    }

    /// <summary>Decides as <see cref="Match"/> does, from the two embeddings' <paramref name="cosine"/> similarity already computed (an index's search).</summary>
    public SemanticMatch Accepts(string requestText, string cachedText, double cosine)
    {
        ArgumentNullException.ThrowIfNull(requestText);
        ArgumentNullException.ThrowIfNull(cachedText);
        if (!(cosine >= Threshold))
        {
            return new SemanticMatch(false, cosine, "below-threshold", string.Create(CultureInfo.InvariantCulture, $"{cosine:0.000} < {Threshold:0.000}"));
        }

        return ParaphraseGuard.FindDifference(requestText, cachedText) is { } difference
            ? new SemanticMatch(false, cosine, difference.Rule, difference.Detail)
            : new SemanticMatch(true, cosine, "hit", string.Empty);
    }
}
