using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace Grounded.Rag.Verify;

/// <summary>
/// Self-consistency: a claim the answer model would not write again in most of its samples (temperature 0.3) is
/// likely made up. A sample states a claim when one of its sentences is close in meaning (cosine ≥
/// <see cref="SameClaimCosine"/>) and states every number the claim does.
/// </summary>
/// <remarks>
/// The local model's cosines are compressed: unrelated sentences of one topic score 0.7–0.85, paraphrases 0.95 and up.
/// 0.90 is the threshold the semantic cache's matcher was calibrated at on PAWS with the same model (docs/benchmarks.md).
/// </remarks>
internal sealed class SelfConsistency(IEmbeddingGenerator<string, Embedding<float>> embedder)
{
    /// <summary>The cosine similarity from which a sample's sentence states the same as a claim.</summary>
    public const double SameClaimCosine = 0.90;

    /// <summary>Returns, for each claim, the share of <paramref name="samples"/> (answer texts) that state it.</summary>
    public async Task<double[]> ShareStatingAsync(IReadOnlyList<string> claims, IReadOnlyList<string> samples, CancellationToken cancellationToken)
    {
        var shares = new double[claims.Count];
        if (claims.Count == 0 || samples.Count == 0)
        {
            return shares;
        }

        var sampleClaims = samples.Select(s => ClaimSplitter.Split(s).Select(c => c.Text).ToList()).ToList();
        var texts = claims.Concat(sampleClaims.SelectMany(c => c)).Distinct(StringComparer.Ordinal).ToList();
        var embeddings = await embedder.GenerateAsync(texts, cancellationToken: cancellationToken).ConfigureAwait(false);
        var vectors = texts.Select((t, i) => (t, embeddings[i].Vector)).ToDictionary(x => x.t, x => x.Vector, StringComparer.Ordinal);
        for (var i = 0; i < claims.Count; i++)
        {
            var numbers = ClaimNumbers.Of(claims[i]);
            var stating = 0;
            for (var s = 0; s < samples.Count; s++)
            {
                var sampleNumbers = ClaimNumbers.Of(samples[s]);
                if (ClaimNumbers.Missing(numbers, sampleNumbers).Count == 0
                    && sampleClaims[s].Any(c => TensorPrimitives.Dot(vectors[claims[i]].Span, vectors[c].Span) >= SameClaimCosine))
                {
                    stating++;
                }
            }

            shares[i] = stating / (double)samples.Count;
        }

        return shares;
    }
}
