using System.Text.RegularExpressions;
using Grounded.Chunks;
using Grounded.Documents;
using Grounded.Rag.Chunking;
using Grounded.Stages;

namespace Grounded.Rag.Tests.Support;

/// <summary>The invariants every chunker keeps: ordinals in order, within the budget, offsets on the text, nothing lost.</summary>
internal static partial class ChunkAssert
{
    public static async Task<List<Chunk>> ChunkAsync(IChunker chunker, IEnumerable<TextBlock> blocks) =>
        await Blocks.ToListAsync(chunker.ChunkAsync(Blocks.Stream(blocks), CancellationToken.None));

    /// <summary>Ordinals count from 0 and every chunk, counted again, is non-empty and within the budget.</summary>
    public static void WithinBudget(IReadOnlyList<Chunk> chunks, int maxTokens)
    {
        Assert.Equal(Enumerable.Range(0, chunks.Count), chunks.Select(c => c.Ordinal));
        Assert.All(chunks, c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.Text));
            Assert.InRange(TokenCounter.Default.Count(c.Text), 1, maxTokens);
            Assert.Equal(TokenCounter.Default.Count(c.Text), c.TokenCount);
        });
    }

    /// <summary>Each chunk's offsets span the same text in the document, whitespace aside (blocks are re-joined with blank lines).</summary>
    public static void OffsetsPointAtTheText(IReadOnlyList<Chunk> chunks, string document) =>
        Assert.All(chunks, c =>
        {
            Assert.InRange(c.StartOffset, 0, c.EndOffset - 1);
            Assert.InRange(c.EndOffset, 1, document.Length);
            Assert.Equal(Collapse(c.Text), Collapse(document[(int)c.StartOffset..(int)c.EndOffset]));
        });

    /// <summary>Each chunk is the document's text between its offsets, character for character.</summary>
    public static void Verbatim(IReadOnlyList<Chunk> chunks, string document) =>
        Assert.All(chunks, c => Assert.Equal(document[(int)c.StartOffset..(int)c.EndOffset], c.Text));

    /// <summary>Every non-whitespace character of the document lies inside some chunk's offsets, in document order.</summary>
    public static void NothingLost(IReadOnlyList<Chunk> chunks, string document)
    {
        var covered = new bool[document.Length];
        foreach (var chunk in chunks)
        {
            Array.Fill(covered, true, (int)chunk.StartOffset, (int)(chunk.EndOffset - chunk.StartOffset));
        }

        var lost = Enumerable.Range(0, document.Length).FirstOrDefault(i => !covered[i] && !char.IsWhiteSpace(document[i]), -1);
        Assert.True(lost < 0, $"character {lost} ('{(lost >= 0 ? document[lost] : ' ')}') is in no chunk");
        Assert.True(chunks.Zip(chunks.Skip(1)).All(p => p.First.StartOffset <= p.Second.StartOffset), "chunks are not in document order");
    }

    public static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
