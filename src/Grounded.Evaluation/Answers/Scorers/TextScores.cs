namespace Grounded.Evaluation.Answers;

/// <summary>Answer-text scores against acceptable answers, each the best over the answers (SQuAD style); citation markers are stripped first.</summary>
public static class TextScores
{
    /// <summary>Returns 1 when the normalised answer equals a normalised acceptable answer, else 0.</summary>
    public static double ExactMatch(string answer, IReadOnlyList<string> references) =>
        Best(answer, references, (a, r) => a.SequenceEqual(r, StringComparer.Ordinal) ? 1 : 0);

    /// <summary>Returns SQuAD's token F1: the harmonic mean of token precision and recall (tokens counted with multiplicity).</summary>
    public static double TokenF1(string answer, IReadOnlyList<string> references) => Best(answer, references, F1);

    /// <summary>Returns ROUGE-L: the F-measure (β = 1) of the longest common token subsequence's precision and recall.</summary>
    public static double RougeL(string answer, IReadOnlyList<string> references) => Best(answer, references, Lcs);

    private static double Best(string answer, IReadOnlyList<string> references, Func<IReadOnlyList<string>, IReadOnlyList<string>, double> score)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(references);
        var tokens = AnswerText.Tokens(AnswerText.StripCitations(answer));
        return references.Count == 0 ? 0 : references.Max(r => score(tokens, AnswerText.Tokens(r)));
    }

    private static double F1(IReadOnlyList<string> answer, IReadOnlyList<string> reference)
    {
        if (answer.Count == 0 || reference.Count == 0)
        {
            return answer.Count == reference.Count ? 1 : 0; // SQuAD: both empty agree
        }

        var counts = reference.GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var common = 0;
        foreach (var token in answer)
        {
            if (counts.TryGetValue(token, out var left) && left > 0)
            {
                counts[token] = left - 1;
                common++;
            }
        }

        return Harmonic(common, answer.Count, reference.Count);
    }

    private static double Lcs(IReadOnlyList<string> answer, IReadOnlyList<string> reference)
    {
        if (answer.Count == 0 || reference.Count == 0)
        {
            return answer.Count == reference.Count ? 1 : 0;
        }

        // One row of the dynamic programme at a time: O(n·m) time, O(m) memory.
        var previous = new int[reference.Count + 1];
        var current = new int[reference.Count + 1];
        foreach (var token in answer)
        {
            for (var j = 1; j <= reference.Count; j++)
            {
                current[j] = string.Equals(token, reference[j - 1], StringComparison.Ordinal) ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        return Harmonic(previous[reference.Count], answer.Count, reference.Count);
    }

    private static double Harmonic(int common, int answerLength, int referenceLength)
    {
        if (common == 0)
        {
            return 0;
        }

        var precision = (double)common / answerLength;
        var recall = (double)common / referenceLength;
        return 2 * precision * recall / (precision + recall);
    }
}
