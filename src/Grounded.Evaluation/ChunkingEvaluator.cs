using System.Globalization;
using Grounded.Evaluation.Datasets;
using Grounded.Evaluation.Metrics;

namespace Grounded.Evaluation;

/// <summary>Scores retrieved chunk texts against gold answers: hit@1, hit@k (the answer is in a top-k chunk) and MRR@k.</summary>
public static class ChunkingEvaluator
{
    /// <summary>Asks every question through <paramref name="retrieve"/> (chunk texts, best first) and returns the mean metrics.</summary>
    public static async Task<OrderedDictionary<string, double>> EvaluateAsync(IReadOnlyList<QaQuestion> questions, int k,
        Func<string, CancellationToken, Task<IReadOnlyList<string>>> retrieve, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(retrieve);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        double hit1 = 0, hitK = 0, reciprocal = 0;
        var done = 0;
        foreach (var question in questions)
        {
            var texts = await retrieve(question.Question, cancellationToken).ConfigureAwait(false);
            var rank = FirstHit(texts, question.Answer, k);
            hit1 += rank == 1 ? 1 : 0;
            hitK += rank > 0 ? 1 : 0;
            reciprocal += rank > 0 ? 1.0 / rank : 0;
            progress?.Report(++done);
        }

        var n = Math.Max(1, questions.Count);
        return new OrderedDictionary<string, double>(StringComparer.Ordinal)
        {
            ["hit@1"] = Math.Round(hit1 / n, 4),
            [string.Create(CultureInfo.InvariantCulture, $"hit@{k}")] = Math.Round(hitK / n, 4),
            [string.Create(CultureInfo.InvariantCulture, $"mrr@{k}")] = Math.Round(reciprocal / n, 4),
        };
    }

    /// <summary>Returns the 1-based rank of the first of the top <paramref name="k"/> texts that contains the answer, or 0.</summary>
    public static int FirstHit(IReadOnlyList<string> texts, string answer, int k)
    {
        ArgumentNullException.ThrowIfNull(texts);
        for (var i = 0; i < Math.Min(k, texts.Count); i++)
        {
            if (AnswerMatch.Contains(texts[i], answer))
            {
                return i + 1;
            }
        }

        return 0;
    }
}
