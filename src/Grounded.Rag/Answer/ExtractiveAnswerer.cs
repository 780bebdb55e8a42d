using System.Numerics.Tensors;
using System.Text;
using Grounded.Answers;
using Grounded.Chunks;
using Grounded.Rag.Answer.Abstain;
using Grounded.Rag.Rerank;
using Grounded.Stages;

namespace Grounded.Rag.Answer;

/// <summary>
/// Answers without a language model: quotes the retrieved sentences most relevant to the question (maximal marginal
/// relevance keeps them from repeating each other), each marked <c>[n]</c> with its source, and abstains when the
/// strongest evidence is below a threshold calibrated on data.
/// </summary>
public sealed class ExtractiveAnswerer : IAnswerGenerator, IWarmsUp
{
    private readonly SentenceScorer _scorer;
    private readonly ExtractiveOptions _options;

    /// <summary>Creates the answerer; the options are copied.</summary>
    public ExtractiveAnswerer(SentenceScorer scorer, ExtractiveOptions? options = null)
    {
        _scorer = scorer;
        _options = (options ?? new ExtractiveOptions()) with { };
    }

    /// <inheritdoc />
    public string Name => "extractive";

    /// <inheritdoc />
    public async Task<GeneratedAnswer> GenerateAsync(string question, IReadOnlyList<ScoredChunk> evidence, CancellationToken cancellationToken)
    {
        var (strength, sentences) = await AnalyzeAsync(question, evidence, cancellationToken).ConfigureAwait(false);
        var selected = sentences.Count == 0 || strength < _options.AbstainBelow || !Answers(question, evidence, sentences) ? new List<ScoredSentence>() : Select(sentences);
        return selected.Count == 0 ? GeneratedAnswer.Abstain() : Compose(selected, evidence);
    }

    /// <summary>
    /// Returns whether the abstention model (when the options have one) judges that the sentences answer the question:
    /// the index may be on the question's topic and still not hold its answer.
    /// </summary>
    public bool Answers(string question, IReadOnlyList<ScoredChunk> evidence, IReadOnlyList<ScoredSentence> sentences) =>
        _options.Abstention is not { } model || sentences.Count == 0 || model.Probability(AbstentionFeatures.Compute(question, evidence, sentences)) >= model.Threshold;

    /// <inheritdoc />
    void IWarmsUp.BeginWarmUp() => _scorer.BeginWarmUp();

    /// <summary>Scores every sentence of the evidence and returns the evidence strength the abstention threshold is compared with: the best sentence's relevance.</summary>
    public async Task<(double Strength, IReadOnlyList<ScoredSentence> Sentences)> AnalyzeAsync(string question, IReadOnlyList<ScoredChunk> evidence, CancellationToken cancellationToken)
    {
        var sentences = await _scorer.ScoreAsync(question, evidence, cancellationToken).ConfigureAwait(false);
        return (sentences.Count == 0 ? double.NegativeInfinity : sentences.Max(s => s.Relevance), sentences);
    }

    private List<ScoredSentence> Select(IReadOnlyList<ScoredSentence> sentences)
    {
        var selected = new List<ScoredSentence>();
        var quotable = sentences.Where(s => s.IsQuotable).ToList();
        if (quotable.Count == 0)
        {
            return [];
        }

        // The margin is measured from the best sentence that may be quoted: a heading's score lets its chunk in, not its neighbours out.
        var best = quotable.Max(s => s.Relevance);
        while (selected.Count < _options.MaxSentences)
        {
            ScoredSentence? next = null;
            var nextScore = double.NegativeInfinity;
            foreach (var s in sentences)
            {
                if (!s.IsQuotable || selected.Contains(s) || s.Relevance < best - _options.RelevanceMargin)
                {
                    continue;
                }

                var redundancy = selected.Count == 0 ? 0 : selected.Max(x => TensorPrimitives.Dot(x.Vector.Span, s.Vector.Span));
                var score = ((1 - _options.Diversity) * s.Relevance) - (_options.Diversity * redundancy);
                if (score > nextScore)
                {
                    (next, nextScore) = (s, score);
                }
            }

            if (next is null)
            {
                break;
            }

            selected.Add(next);
        }

        return selected;
    }

    private static GeneratedAnswer Compose(List<ScoredSentence> selected, IReadOnlyList<ScoredChunk> evidence)
    {
        var numbers = new Dictionary<int, int>();
        var citations = new List<Citation>();
        var answer = new StringBuilder();
        foreach (var sentence in selected)
        {
            if (!numbers.TryGetValue(sentence.Rank, out var n))
            {
                n = numbers.Count + 1;
                numbers[sentence.Rank] = n;
                var hit = evidence[sentence.Rank];
                citations.Add(new Citation(n, hit.Chunk.DocumentId, hit.Chunk.Source, hit.Chunk.Id, hit.Score, hit.Chunk.Chunk.Text));
            }

            if (answer.Length > 0)
            {
                answer.Append(' ');
            }

            answer.Append(sentence.Text).Append(" [").Append(n).Append(']');
        }

        return new GeneratedAnswer(answer.ToString(), false, citations);
    }
}
