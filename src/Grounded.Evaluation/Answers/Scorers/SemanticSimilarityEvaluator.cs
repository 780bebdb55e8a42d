using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace Grounded.Evaluation.Answers;

/// <summary>
/// Scores the cosine similarity of the answer's embedding and the closest acceptable answer's, with a local embedding
/// model; null on unanswerable items, 0 when the answerer abstained.
/// </summary>
public sealed class SemanticSimilarityEvaluator(IEmbeddingGenerator<string, Embedding<float>> embedder) : ReferenceAnswerEvaluator
{
    private readonly IEmbeddingGenerator<string, Embedding<float>> _embedder = embedder ?? throw new ArgumentNullException(nameof(embedder));

    /// <inheritdoc />
    protected override string MetricName => AnswerMetrics.SemanticSimilarity;

    /// <inheritdoc />
    protected override async ValueTask<double> ScoreAsync(string answer, IReadOnlyList<string> references, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            return 0;
        }

        var vectors = await _embedder.GenerateAsync([answer, .. references], cancellationToken: cancellationToken).ConfigureAwait(false);
        var first = vectors[0].Vector.Span;
        var best = double.NegativeInfinity;
        for (var i = 1; i < vectors.Count; i++)
        {
            best = Math.Max(best, TensorPrimitives.CosineSimilarity(first, vectors[i].Vector.Span));
        }

        return Math.Round(best, 6);
    }
}
