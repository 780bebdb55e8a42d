using Grounded.Rag.Ingest;

namespace Grounded.Rag.Tests.Ingest;

public sealed class ParagraphSplitterTests
{
    [Fact]
    public async Task StreamsALongSingleLineInBlocksNoLongerThanTheLimit()
    {
        var text = string.Join(' ', Enumerable.Range(0, 40_000).Select(i => $"word{i}"));
        var blocks = new List<(string Text, long Offset)>();

        await foreach (var block in ParagraphSplitter.SplitAsync(new StringReader(text), CancellationToken.None))
        {
            blocks.Add(block);
        }

        Assert.True(blocks.Count > 10);
        Assert.All(blocks, b => Assert.InRange(b.Text.Length, 1, ParagraphSplitter.MaxBlockChars));
        Assert.All(blocks, b => Assert.Equal(b.Text, text.Substring((int)b.Offset, b.Text.Length)));
        Assert.Equal(text.Split(' '), blocks.SelectMany(b => b.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task YieldsTheFirstBlockBeforeReadingTheWholeInput()
    {
        var reader = new EndlessLineReader(totalChars: 20_000_000);

        await using var blocks = ParagraphSplitter.SplitAsync(reader, CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await blocks.MoveNextAsync());

        Assert.True(reader.CharsRead < 200_000, $"read {reader.CharsRead} chars before the first block");
    }

    [Fact]
    public async Task CutsAWordlessRunAtTheLimit()
    {
        var text = new string('x', (ParagraphSplitter.MaxBlockChars * 2) + 10);
        var blocks = new List<(string Text, long Offset)>();

        await foreach (var block in ParagraphSplitter.SplitAsync(new StringReader(text), CancellationToken.None))
        {
            blocks.Add(block);
        }

        Assert.Equal([ParagraphSplitter.MaxBlockChars, ParagraphSplitter.MaxBlockChars, 10], blocks.Select(b => b.Text.Length));
        Assert.Equal([0L, ParagraphSplitter.MaxBlockChars, ParagraphSplitter.MaxBlockChars * 2L], blocks.Select(b => b.Offset));
    }

    /// <summary>A text reader that makes one enormous line on demand and counts what was read from it.</summary>
    private sealed class EndlessLineReader(long totalChars) : TextReader
    {
        private const string Pattern = "lorem ipsum dolor sit amet ";

        public long CharsRead { get; private set; }

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            var n = (int)Math.Min(buffer.Length, totalChars - CharsRead);
            for (var i = 0; i < n; i++)
            {
                buffer[i] = Pattern[(int)((CharsRead + i) % Pattern.Length)];
            }

            CharsRead += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));
    }
}
