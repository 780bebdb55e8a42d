using System.Numerics.Tensors;
using Grounded.Rag.Answer;
using Grounded.Rag.Chunking;
using Grounded.Rag.Rerank;
using Microsoft.Extensions.AI;

namespace Grounded.Rag.Verify;

/// <summary>
/// Measures how well sources support claims, without a language model: the claim's best cosine similarity (local
/// embedding model) to a sentence of the sources (4 to 90 words, as the reranker embeds them), or to two neighbouring
/// sentences when <c>windows</c> is on; the share of
/// its content words the sources contain; the numbers it states that they do not. Source sentences are embedded as
/// the sentence scorer quotes them, so with the query pipeline's shared embedding cache the sentences the reranker
/// already embedded cost nothing; everything else goes in one batch.
/// </summary>
internal sealed class SupportScorer(IEmbeddingGenerator<string, Embedding<float>> embedder, bool windows = false, string claimPrefix = "")
{
    /// <summary>Returns the features of each claim against the union of its sources, in order.</summary>
    public async Task<IReadOnlyList<SupportFeatures>> ScoreAsync(IReadOnlyList<(string Claim, IReadOnlyList<string> Sources)> pairs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.Count == 0)
        {
            return [];
        }

        var sources = new Dictionary<string, Source>(StringComparer.Ordinal);
        foreach (var text in pairs.SelectMany(p => p.Sources))
        {
            if (!sources.ContainsKey(text))
            {
                sources[text] = Source.Of(text, windows);
            }
        }

        var texts = pairs.Select(p => claimPrefix + p.Claim).Concat(sources.Values.SelectMany(s => s.Units)).Distinct(StringComparer.Ordinal).ToList();
        var embeddings = await embedder.GenerateAsync(texts, cancellationToken: cancellationToken).ConfigureAwait(false);
        var vectors = new Dictionary<string, ReadOnlyMemory<float>>(StringComparer.Ordinal);
        for (var i = 0; i < texts.Count; i++)
        {
            vectors[texts[i]] = embeddings[i].Vector;
        }

        var features = new SupportFeatures[pairs.Count];
        for (var i = 0; i < pairs.Count; i++)
        {
            var (claim, claimSources) = pairs[i];
            var claimVector = vectors[claimPrefix + claim].Span;
            var terms = QueryTerms.Of(claim);
            var numbers = ClaimNumbers.Of(claim);
            var similarity = 0.0;
            var sourceTerms = new HashSet<string>(StringComparer.Ordinal);
            var sourceNumbers = new HashSet<string>(StringComparer.Ordinal);
            foreach (var source in claimSources.Distinct(StringComparer.Ordinal).Select(t => sources[t]))
            {
                foreach (var unit in source.Units)
                {
                    similarity = Math.Max(similarity, TensorPrimitives.Dot(claimVector, vectors[unit].Span));
                }

                sourceTerms.UnionWith(source.Terms);
                sourceNumbers.UnionWith(source.Numbers);
            }

            var coverage = terms.Count == 0 ? 1 : terms.Count(sourceTerms.Contains) / (double)terms.Count;
            features[i] = new SupportFeatures(similarity, coverage, ClaimNumbers.Missing(numbers, sourceNumbers));
        }

        return features;
    }

    // A source's sentences as quoted (and cached), optionally with each pair of neighbours, its content words and its numbers.
    private sealed record Source(IReadOnlyList<string> Units, HashSet<string> Terms, HashSet<string> Numbers)
    {
        public static Source Of(string text, bool windows)
        {
            // The sentences the reranker embeds (4 to 90 words), so that every one is in the query's cache; a source
            // without any is compared whole.
            var sentences = SentenceSplitter.Split(text).Select(s => SentenceScorer.Quoted(text.Substring(s.Start, s.Length)))
                .Where(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is >= SentenceScorer.MinWords and <= SentenceScorer.MaxWords).ToList();
            if (sentences.Count == 0 && SentenceScorer.Quoted(text) is { Length: > 0 } whole)
            {
                sentences.Add(whole);
            }

            var units = new List<string>(sentences);
            if (windows)
            {
                for (var i = 0; i + 1 < sentences.Count; i++)
                {
                    units.Add(sentences[i] + " " + sentences[i + 1]);
                }
            }

            var plain = SentenceScorer.Quoted(text);
            return new Source(units.Distinct(StringComparer.Ordinal).ToList(), QueryTerms.Of(plain), ClaimNumbers.Of(plain));
        }
    }
}
