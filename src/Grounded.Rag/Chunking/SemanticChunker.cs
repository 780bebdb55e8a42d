using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Text;
using Grounded.Chunks;
using Grounded.Documents;
using Grounded.Stages;
using Microsoft.Extensions.AI;

namespace Grounded.Rag.Chunking;

/// <summary>
/// Splits where the topic shifts: every sentence is embedded, and a chunk closes between two adjacent sentences whose
/// cosine similarity is in the lowest <see cref="SemanticChunkingOptions.BreakPercentile"/> percent of the document's
/// adjacent similarities, once the chunk holds <see cref="SemanticChunkingOptions.MinTokens"/>; the token budget always
/// closes a chunk. It costs one embedding per sentence on top of the chunks' own.
/// </summary>
internal sealed class SemanticChunker : IChunker, INamedChunker
{
    private const int EmbedBatch = 64;
    private readonly IEmbeddingGenerator<string, Embedding<float>> _embedder;
    private readonly ChunkingOptions _options;
    private readonly SemanticChunkingOptions _semantic;
    private readonly TokenCounter _counter;

    public SemanticChunker(IEmbeddingGenerator<string, Embedding<float>> embedder, ChunkingOptions options, SemanticChunkingOptions? semantic = null, TokenCounter? counter = null)
    {
        _embedder = embedder;
        _options = options with { };
        _semantic = (semantic ?? new SemanticChunkingOptions()) with { };
        _counter = counter ?? TokenCounter.Default;
    }

    public string Name => "semantic";

    public async IAsyncEnumerable<Chunk> ChunkAsync(IAsyncEnumerable<TextBlock> blocks, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var ordinal = 0;
        var window = new List<Sentence>();
        await foreach (var block in blocks.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            window.AddRange(Sentences(block));
            if (window.Count >= _semantic.WindowSentences)
            {
                foreach (var chunk in await SplitAsync(window, ordinal, cancellationToken).ConfigureAwait(false))
                {
                    ordinal++;
                    yield return chunk;
                }

                window.Clear();
            }
        }

        foreach (var chunk in await SplitAsync(window, ordinal, cancellationToken).ConfigureAwait(false))
        {
            yield return chunk;
        }
    }

    private async Task<List<Chunk>> SplitAsync(List<Sentence> sentences, int ordinal, CancellationToken cancellationToken)
    {
        var chunks = new List<Chunk>();
        if (sentences.Count == 0)
        {
            return chunks;
        }

        var similarities = await AdjacentSimilaritiesAsync(sentences, cancellationToken).ConfigureAwait(false);
        // Below the median too, so a document whose similarities are all alike (no shift anywhere) is not cut at random.
        var threshold = Percentile(similarities, _semantic.BreakPercentile);
        var median = Percentile(similarities, 50);
        var current = new List<Sentence>();
        for (var i = 0; i < sentences.Count; i++)
        {
            if (current.Count > 0 && _counter.Count(Join([.. current, sentences[i]])) > _options.ChunkTokens)
            {
                chunks.Add(Build(current, ordinal + chunks.Count));
                current = [];
            }

            current.Add(sentences[i]);
            if (i < similarities.Length && similarities[i] <= threshold && similarities[i] < median && _counter.Count(Join(current)) >= _semantic.MinTokens)
            {
                chunks.Add(Build(current, ordinal + chunks.Count));
                current = [];
            }
        }

        if (current.Count > 0)
        {
            chunks.Add(Build(current, ordinal + chunks.Count));
        }

        return chunks;
    }

    private async Task<float[]> AdjacentSimilaritiesAsync(List<Sentence> sentences, CancellationToken cancellationToken)
    {
        var vectors = new List<ReadOnlyMemory<float>>(sentences.Count);
        foreach (var batch in sentences.Chunk(EmbedBatch))
        {
            var embeddings = await _embedder.GenerateAsync(batch.Select(s => s.Text), cancellationToken: cancellationToken).ConfigureAwait(false);
            vectors.AddRange(embeddings.Select(e => e.Vector));
        }

        var similarities = new float[Math.Max(0, sentences.Count - 1)];
        for (var i = 0; i < similarities.Length; i++)
        {
            similarities[i] = TensorPrimitives.CosineSimilarity(vectors[i].Span, vectors[i + 1].Span) is var s && float.IsFinite(s) ? s : 0f;
        }

        return similarities;
    }

    private static float Percentile(float[] values, int percentile)
    {
        if (values.Length == 0)
        {
            return float.NegativeInfinity;
        }

        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Floor(percentile / 100.0 * (sorted.Length - 1)), 0, sorted.Length - 1)];
    }

    // Sentences of a block; one longer than the budget is cut at the token limit, preferably at a space.
    private IEnumerable<Sentence> Sentences(TextBlock block)
    {
        var path = string.Join(" > ", block.HeadingPath.Where(h => h.Length > 0));
        var first = true;
        foreach (var (start, length) in SentenceSplitter.Split(block.Text))
        {
            var offset = block.Offset + start;
            var text = block.Text.Substring(start, length);
            var budget = _options.ChunkTokens - 1;
            while (true)
            {
                // Count a bounded window only, so one giant sentence costs linear time.
                var window = text.Length > budget * 32 ? text[..(budget * 32)] : text;
                var tokens = _counter.Count(window);
                if (tokens <= budget && window.Length == text.Length)
                {
                    break;
                }

                var cut = window.Length;
                if (tokens > budget)
                {
                    cut = _counter.CharsWithin(window, budget);
                    var space = window.LastIndexOf(' ', cut - 1, Math.Min(cut, 200));
                    cut = space > cut / 2 ? space + 1 : cut;
                }

                yield return new Sentence(text[..cut].TrimEnd(), offset, path, first);
                first = false;
                offset += cut;
                text = text[cut..];
            }

            if (text.Length > 0)
            {
                yield return new Sentence(text, offset, path, first);
                first = false;
            }
        }
    }

    private static string Join(List<Sentence> sentences)
    {
        var text = new StringBuilder();
        for (var i = 0; i < sentences.Count; i++)
        {
            text.Append(i == 0 ? string.Empty : sentences[i].StartsBlock ? "\n\n" : " ").Append(sentences[i].Text);
        }

        return text.ToString();
    }

    private Chunk Build(List<Sentence> sentences, int ordinal)
    {
        var text = Join(sentences);
        var last = sentences[^1];
        return new Chunk(ordinal, text, sentences[0].Offset, last.Offset + last.Text.Length, sentences[0].HeadingPath, _counter.Count(text));
    }

    private sealed record Sentence(string Text, long Offset, string HeadingPath, bool StartsBlock);
}
