using Grounded.Chunks;
using Grounded.Rag.Chunking;
using Microsoft.Extensions.AI;

namespace Grounded.Rag.Embed;

/// <summary>
/// Embeds a chunk as one vector per window of whole sentences (about <see cref="WindowTokens"/> tokens each, every
/// window prefixed with the chunk's context), stored side by side; search scores a chunk by its best window.
/// A small embedding model reads a short passage more precisely than a 512-token one, and a full chunk would overrun
/// its 512-WordPiece input; chunks stay large for citing. Measured in docs/benchmarks.md.
/// </summary>
public static class ChunkWindows
{
    /// <summary>The largest window, in tokens of the chunking tokenizer.</summary>
    public const int WindowTokens = 128;

    /// <summary>Returns the texts to embed for a chunk: one per window.</summary>
    public static List<string> Split(Chunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        if (chunk.TokenCount <= WindowTokens)
        {
            return [chunk.EmbeddingText];
        }

        var counter = TokenCounter.Default;
        var windows = new List<string>();
        var current = new List<string>();
        var tokens = 0;
        foreach (var (start, length) in SentenceSplitter.Split(chunk.Text))
        {
            var sentence = chunk.Text.Substring(start, length);
            var count = counter.Count(sentence);
            if (current.Count > 0 && tokens + count > WindowTokens)
            {
                windows.Add(Window(chunk.Context, current));
                current.Clear();
                tokens = 0;
            }

            current.Add(sentence);
            tokens += count;
        }

        if (current.Count > 0)
        {
            windows.Add(Window(chunk.Context, current));
        }

        return windows;
    }

    /// <summary>Embeds chunks window by window in one call; returns each chunk's windows' vectors, concatenated.</summary>
    public static async Task<float[][]> EmbedAsync(IEmbeddingGenerator<string, Embedding<float>> embedder, IReadOnlyList<Chunk> chunks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(chunks);
        var windows = chunks.Select(Split).ToList();
        var vectors = await embedder.GenerateAsync(windows.SelectMany(w => w), cancellationToken: cancellationToken).ConfigureAwait(false);
        var result = new float[chunks.Count][];
        var next = 0;
        for (var i = 0; i < chunks.Count; i++)
        {
            result[i] = windows[i].SelectMany(_ => vectors[next++].Vector.ToArray()).ToArray();
        }

        return result;
    }

    private static string Window(string context, List<string> sentences)
    {
        var text = string.Join(' ', sentences);
        return context.Length == 0 ? text : $"{context}\n\n{text}";
    }
}
