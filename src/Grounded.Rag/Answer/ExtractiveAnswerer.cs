using System.Numerics.Tensors;
using System.Text;
using Grounded.Answers;
using Grounded.Chunks;
using Grounded.Rag.Chunking;
using Grounded.Rag.Embed;
using Grounded.Stages;
using Microsoft.Extensions.AI;

namespace Grounded.Rag.Answer;

/// <summary>
/// Answers without a language model: quotes the retrieved sentences most similar to the question (maximal marginal
/// relevance keeps them from repeating each other), each marked <c>[n]</c> with its source, and abstains when the
/// strongest evidence is below a threshold calibrated on data.
/// </summary>
public sealed partial class ExtractiveAnswerer : IAnswerGenerator
{
    private const int MinWords = 4;
    private const int MaxWords = 90;
    private readonly IEmbeddingGenerator<string, Embedding<float>> _embedder;
    private readonly ExtractiveOptions _options;
    private readonly string _queryPrefix;

    /// <summary>Creates the answerer; the options are copied.</summary>
    public ExtractiveAnswerer(IEmbeddingGenerator<string, Embedding<float>> embedder, ExtractiveOptions? options = null)
    {
        _embedder = embedder;
        _options = (options ?? new ExtractiveOptions()) with { };
        _queryPrefix = embedder.GetService<EmbeddingModelProfile>()?.QueryPrefix ?? string.Empty;
    }

    /// <inheritdoc />
    public string Name => "extractive";

    /// <inheritdoc />
    public async Task<GeneratedAnswer> GenerateAsync(string question, IReadOnlyList<ScoredChunk> evidence, CancellationToken cancellationToken)
    {
        var (strength, candidates) = await AnalyzeAsync(question, evidence, cancellationToken).ConfigureAwait(false);
        return candidates.Count == 0 || strength < _options.AbstainBelow
            ? GeneratedAnswer.Abstain()
            : Compose(Select(candidates), evidence);
    }

    /// <summary>Scores every candidate sentence of the evidence and returns the evidence strength the abstention threshold is compared with.</summary>
    internal async Task<(double Strength, List<Candidate> Candidates)> AnalyzeAsync(string question, IReadOnlyList<ScoredChunk> evidence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var candidates = Candidates(evidence);
        if (candidates.Count == 0)
        {
            return (double.NegativeInfinity, candidates);
        }

        var texts = candidates.Select(c => c.Text).Prepend(_queryPrefix + question).ToList();
        var vectors = await _embedder.GenerateAsync(texts, cancellationToken: cancellationToken).ConfigureAwait(false);
        var query = vectors[0].Vector;
        var terms = QueryTerms.Of(question);
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            c.Vector = vectors[i + 1].Vector;
            c.Similarity = TensorPrimitives.Dot(query.Span, c.Vector.Span);
            c.Coverage = QueryTerms.Coverage(terms, QueryTerms.Of(c.Text));
        }

        return (EvidenceStrength(candidates, evidence), candidates);
    }

    /// <summary>Returns how strongly the evidence supports answering: the best sentence's relevance (see <see cref="Relevance"/>).</summary>
    internal double EvidenceStrength(IReadOnlyList<Candidate> candidates, IReadOnlyList<ScoredChunk> evidence) =>
        candidates.Max(Relevance);

    /// <summary>A sentence's relevance: its similarity to the question, plus a bonus for covering the question's terms and for coming from a higher-ranked chunk.</summary>
    internal double Relevance(Candidate c) =>
        c.Similarity + (_options.CoverageWeight * c.Coverage) + (_options.RankWeight / (1 + c.Rank));

    private static List<Candidate> Candidates(IReadOnlyList<ScoredChunk> evidence)
    {
        var candidates = new List<Candidate>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var rank = 0; rank < evidence.Count; rank++)
        {
            var text = evidence[rank].Chunk.Chunk.Text;
            foreach (var (start, length) in SentenceSplitter.Split(text))
            {
                // Bracketed reference numbers in the source ("[3]") would read as our own citation markers.
                var sentence = ReferenceMarker().Replace(text.Substring(start, length).Replace('\n', ' '), string.Empty).Trim();
                var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
                if (words is >= MinWords and <= MaxWords && seen.Add(sentence))
                {
                    candidates.Add(new Candidate(sentence, rank));
                }
            }
        }

        return candidates;
    }

    private List<Candidate> Select(List<Candidate> candidates)
    {
        var selected = new List<Candidate>();
        var best = candidates.Max(Relevance);
        while (selected.Count < _options.MaxSentences)
        {
            Candidate? next = null;
            var nextScore = double.NegativeInfinity;
            foreach (var c in candidates)
            {
                if (selected.Contains(c) || Relevance(c) < best - _options.RelevanceMargin)
                {
                    continue;
                }

                var redundancy = selected.Count == 0 ? 0 : selected.Max(s => TensorPrimitives.Dot(s.Vector.Span, c.Vector.Span));
                var score = ((1 - _options.Diversity) * Relevance(c)) - (_options.Diversity * redundancy);
                if (score > nextScore)
                {
                    (next, nextScore) = (c, score);
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

    private static GeneratedAnswer Compose(List<Candidate> selected, IReadOnlyList<ScoredChunk> evidence)
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

    [System.Text.RegularExpressions.GeneratedRegex(@"\s*\[\d+(?:\s*[,–-]\s*\d+)*\]")]
    private static partial System.Text.RegularExpressions.Regex ReferenceMarker();

    internal sealed class Candidate(string text, int rank)
    {
        public string Text { get; } = text;

        public int Rank { get; } = rank;

        public ReadOnlyMemory<float> Vector { get; set; }

        public double Similarity { get; set; }

        public double Coverage { get; set; }
    }
}
