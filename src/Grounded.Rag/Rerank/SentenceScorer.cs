using System.Numerics.Tensors;
using System.Text.RegularExpressions;
using Grounded.Chunks;
using Grounded.Rag.Answer;
using Grounded.Rag.Chunking;
using Grounded.Rag.Embed;
using Grounded.Storage;
using Microsoft.Extensions.AI;

namespace Grounded.Rag.Rerank;

/// <summary>
/// Splits evidence chunks into sentences and scores each against the question (<see cref="SentenceRelevance"/>).
/// Shared by the reranker and the extractive answerer so both judge relevance the same way; wrap the embedder in
/// <see cref="RecentEmbeddingCache"/> so the second look at the same sentences costs nothing. With a second model
/// the similarity is the two models' weighted mean (<see cref="SentenceRelevance.SecondModelWeight"/>): two small models
/// trained on different data err on different sentences, so their mean picks the answering sentence more often.
/// </summary>
public sealed partial class SentenceScorer
{
    /// <summary>The fewest words of a sentence the scorer embeds.</summary>
    internal const int MinWords = 4;

    /// <summary>The most words of a sentence the scorer embeds.</summary>
    internal const int MaxWords = 90;
    private readonly IEmbeddingGenerator<string, Embedding<float>> _embedder;
    private readonly IEmbeddingGenerator<string, Embedding<float>>? _second;
    private readonly ITermStatistics? _statistics;
    private readonly SentenceRelevance _weights;
    private readonly string _queryPrefix;

    /// <summary>Creates the scorer; without <paramref name="statistics"/> every question term weighs the same.</summary>
    /// <param name="embedder">The model whose similarity (and vectors, for redundancy) every score uses.</param>
    /// <param name="statistics">The store's term statistics, for IDF-weighted coverage; wrap it in <see cref="Index.LastTermStatistics"/> when several scorers judge the same question.</param>
    /// <param name="weights">The relevance weights.</param>
    /// <param name="second">A second model whose similarity is averaged in; unused when <see cref="SentenceRelevance.SecondModelWeight"/> is 0.</param>
    public SentenceScorer(IEmbeddingGenerator<string, Embedding<float>> embedder, ITermStatistics? statistics = null, SentenceRelevance? weights = null, IEmbeddingGenerator<string, Embedding<float>>? second = null)
    {
        _embedder = embedder;
        _statistics = statistics;
        _weights = weights ?? new SentenceRelevance();
        _queryPrefix = embedder.GetService<EmbeddingModelProfile>()?.QueryPrefix ?? string.Empty;
        _second = _weights.SecondModelWeight > 0 ? second : null;
    }

    /// <summary>Returns every usable sentence of <paramref name="evidence"/> (4 to 90 words, each once) with its scores.</summary>
    public async Task<IReadOnlyList<ScoredSentence>> ScoreAsync(string question, IReadOnlyList<ScoredChunk> evidence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var sentences = Split(evidence);
        if (sentences.Count == 0)
        {
            return sentences;
        }

        var words = QueryTerms.WithWords(question);
        var terms = words.Keys.ToHashSet(StringComparer.Ordinal);
        var statistics = await StatisticsAsync(words, cancellationToken).ConfigureAwait(false);
        var chunkTerms = evidence.Select(e => QueryTerms.Of(e.Chunk.Chunk.Text)).ToArray();
        var chunkCoverage = chunkTerms.Select(t => WeightedCoverage(terms, t, statistics)).ToArray();
        var chunkMissing = chunkTerms.Select(t => HeaviestMissing(terms, t, statistics)).ToArray();

        var texts = sentences.Select(c => c.Text).Prepend(_queryPrefix + question).ToList();
        var vectors = await _embedder.GenerateAsync(texts, cancellationToken: cancellationToken).ConfigureAwait(false);
        var query = vectors[0].Vector;
        var second = await SecondSimilaritiesAsync(question, sentences, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < sentences.Count; i++)
        {
            var s = sentences[i];
            s.Vector = vectors[i + 1].Vector;
            s.Similarity = TensorPrimitives.Dot(query.Span, s.Vector.Span);
            if (second is not null)
            {
                s.Similarity = ((1 - _weights.SecondModelWeight) * s.Similarity) + (_weights.SecondModelWeight * second[i]);
            }

            var sentenceTerms = QueryTerms.Of(s.Text);
            s.Coverage = QueryTerms.Coverage(terms, sentenceTerms);
            s.WeightedCoverage = WeightedCoverage(terms, sentenceTerms, statistics);
            s.ChunkCoverage = chunkCoverage[s.Rank];
            s.ChunkMissing = chunkMissing[s.Rank];
            s.Relevance = s.Similarity + (_weights.CoverageWeight * s.Coverage) + (_weights.ChunkCoverageWeight * s.ChunkCoverage);
        }

        return sentences;
    }

    /// <summary>Starts loading a second model that loads on first use, so answering does not wait for it after retrieval.</summary>
    internal void BeginWarmUp() => _second?.GetService<LazyEmbeddingGenerator>()?.BeginLoading();

    // The second model's similarity of each sentence to the question (with that model's own query prefix), or null without one.
    private async Task<float[]?> SecondSimilaritiesAsync(string question, List<ScoredSentence> sentences, CancellationToken cancellationToken)
    {
        if (_second is null)
        {
            return null;
        }

        var prefix = _second.GetService<EmbeddingModelProfile>()?.QueryPrefix ?? string.Empty;
        var vectors = await _second.GenerateAsync(sentences.Select(c => c.Text).Prepend(prefix + question).ToList(), cancellationToken: cancellationToken).ConfigureAwait(false);
        var query = vectors[0].Vector.Span;
        var similarities = new float[sentences.Count];
        for (var i = 0; i < sentences.Count; i++)
        {
            similarities[i] = TensorPrimitives.Dot(query, vectors[i + 1].Vector.Span);
        }

        return similarities;
    }

    // The chunk frequency of each term, looked up by the word it came from ("diseases", not "diseas"): the index stems
    // words its own way, and a term it cannot find would weigh as the rarest.
    private async Task<TermStatistics> StatisticsAsync(Dictionary<string, string> words, CancellationToken cancellationToken)
    {
        if (_statistics is null || words.Count == 0)
        {
            return TermStatistics.None;
        }

        var byWord = await _statistics.GetTermStatisticsAsync(words.Values.Distinct(StringComparer.Ordinal).ToList(), cancellationToken).ConfigureAwait(false);
        return new TermStatistics(byWord.Chunks, words.ToDictionary(w => w.Key, w => byWord.ChunkFrequency.GetValueOrDefault(w.Value), StringComparer.Ordinal));
    }

    /// <summary>Returns the IDF-weighted share of <paramref name="query"/>'s terms found in <paramref name="text"/>.</summary>
    internal static double WeightedCoverage(HashSet<string> query, HashSet<string> text, TermStatistics statistics)
    {
        double total = 0, found = 0;
        foreach (var term in query)
        {
            var weight = statistics.InverseFrequency(term);
            total += weight;
            found += text.Contains(term) ? weight : 0;
        }

        return total <= 0 ? 0 : found / total;
    }

    /// <summary>
    /// Returns the weight of the heaviest question term <paramref name="text"/> lacks, as a share of the heaviest term's
    /// weight (0 when it has them all): a chunk missing the question's rarest word is rarely about the same thing.
    /// </summary>
    internal static double HeaviestMissing(HashSet<string> query, HashSet<string> text, TermStatistics statistics)
    {
        double heaviest = 0, missing = 0;
        foreach (var term in query)
        {
            var weight = statistics.InverseFrequency(term);
            heaviest = Math.Max(heaviest, weight);
            missing = text.Contains(term) ? missing : Math.Max(missing, weight);
        }

        return heaviest <= 0 ? 0 : missing / heaviest;
    }

    private static List<ScoredSentence> Split(IReadOnlyList<ScoredChunk> evidence)
    {
        var sentences = new List<ScoredSentence>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var rank = 0; rank < evidence.Count; rank++)
        {
            var text = evidence[rank].Chunk.Chunk.Text;
            foreach (var (start, length) in SentenceSplitter.Split(text))
            {

                // Bracketed reference numbers in the source ("[3]") would read as our own citation markers. The sentence is
                // what an answer quotes, so the line breaks and runs of spaces of hard-wrapped text become one space; the
                // chunk keeps its text as read, so its offsets still point into the document.
                var sentence = Quoted(text.Substring(start, length));
                var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
                if (words is >= MinWords and <= MaxWords && seen.Add(sentence))
                {
                    // A heading or a code fence still tells how relevant its chunk is, but an answer never quotes it.
                    sentences.Add(new ScoredSentence(sentence, rank) { IsQuotable = !IsHeading(text, start, length) && !sentence.StartsWith("```", StringComparison.Ordinal) });
                }
            }
        }

        return sentences;
    }

    /// <summary>
    /// Returns whether the span is a heading or title rather than a sentence: one line, without a sentence's closing
    /// punctuation, standing alone before a blank line (or first in the chunk, before a line break). Markdown and HTML
    /// readers keep a heading's words and drop its markup, and an answer must not quote "Grounded abstains on a question
    /// you expected it to answer" as if the documents said it.
    /// </summary>
    internal static bool IsHeading(string text, int start, int length)
    {
        var line = text.AsSpan(start, length).TrimEnd();
        if (line.IsEmpty || line.Contains('\n') || line[^1] is '.' or '!' or '?' or ':' or ';' or '"' or '\'' or ')' or ']' or '”' or '’' or '…' or '。')
        {
            return false;
        }

        var after = start + length;
        while (after < text.Length && text[after] is ' ' or '\t' or '\r')
        {
            after++;
        }

        if (after >= text.Length || text[after] != '\n')
        {
            return false;
        }

        var next = after + 1;
        while (next < text.Length && text[next] is ' ' or '\t' or '\r')
        {
            next++;
        }

        return next >= text.Length || text[next] == '\n' || text.AsSpan(0, start).Trim().IsEmpty;
    }

    /// <summary>Returns a sentence of a source as an answer quotes it (and as its embedding is cached): reference markers removed, each run of whitespace one space.</summary>
    internal static string Quoted(string sentence) => Whitespace().Replace(ReferenceMarker().Replace(sentence, string.Empty), " ").Trim();

    [GeneratedRegex(@"\s*\[\d+(?:\s*[,–-]\s*\d+)*\]")]
    private static partial Regex ReferenceMarker();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
