using System.Numerics.Tensors;
using Grounded.Chunks;
using Grounded.Rag.Rerank;

namespace Grounded.Rag.Answer;

/// <summary>
/// Fits the evidence of an answer prompt into a token budget: when the chunks together exceed it, each keeps only its
/// sentences most relevant to the question (the reranker's sentence scores), best first across all chunks, leaving out
/// sentences that repeat one already kept (cosine ≥ <see cref="DuplicateCosine"/>), until the budget is spent. Kept
/// sentences stay in their chunk's order, and each chunk stays its own source, so <c>[n]</c> still names the chunk its
/// words came from; a chunk left with no sentence is dropped.
/// </summary>
public sealed class EvidenceCompressor(SentenceScorer scorer, int budgetTokens, Func<string, int> countTokens)
{
    /// <summary>The cosine similarity above which a sentence repeats one already kept.</summary>
    public const double DuplicateCosine = 0.95;

    /// <summary>Returns the evidence within the budget (unchanged when it fits), and the tokens before and after.</summary>
    public async Task<(IReadOnlyList<ScoredChunk> Evidence, int TokensBefore, int TokensAfter)> CompressAsync(string question, IReadOnlyList<ScoredChunk> evidence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var before = evidence.Sum(e => countTokens(e.Chunk.Chunk.Text));
        if (before <= budgetTokens)
        {
            return (evidence, before, before);
        }

        var sentences = await scorer.ScoreAsync(question, evidence, cancellationToken).ConfigureAwait(false);
        var kept = new List<ScoredSentence>();
        var spent = 0;
        foreach (var sentence in sentences.OrderByDescending(s => s.Relevance))
        {
            var tokens = countTokens(sentence.Text) + 1;
            if (spent + tokens > budgetTokens)
            {
                continue; // a shorter, less relevant sentence may still fit
            }

            if (kept.Any(k => TensorPrimitives.Dot(k.Vector.Span, sentence.Vector.Span) >= DuplicateCosine))
            {
                continue;
            }

            kept.Add(sentence);
            spent += tokens;
        }

        var compressed = new List<ScoredChunk>();
        for (var rank = 0; rank < evidence.Count; rank++)
        {
            var own = kept.Where(s => s.Rank == rank).ToHashSet();
            if (own.Count == 0)
            {
                continue;
            }

            // The chunk's sentences in their own order (the scorer lists them so).
            var text = string.Join(' ', sentences.Where(own.Contains).Select(s => s.Text));
            var original = evidence[rank];
            compressed.Add(original with { Chunk = original.Chunk with { Chunk = original.Chunk.Chunk with { Text = text, Context = string.Empty } } });
        }

        return (compressed, before, compressed.Sum(e => countTokens(e.Chunk.Chunk.Text)));
    }
}
