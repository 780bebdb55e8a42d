using System.Runtime.CompilerServices;
using Grounded.Chunks;
using Grounded.Documents;
using Grounded.Stages;

namespace Grounded.Rag.Chunking;

/// <summary>
/// The automatic choice for plain text: reads the first lines of the document and chunks it by turns when they read
/// like a chat transcript (see <see cref="TranscriptShape.Looks"/>), else by token windows. Streams: only the blocks
/// that hold the first lines are held back.
/// </summary>
internal sealed class PlainTextChunker(IChunker turns, IChunker tokens) : IChunker, INamedChunker
{
    public string Name { get; private set; } = "tokens";

    public async IAsyncEnumerable<Chunk> ChunkAsync(IAsyncEnumerable<TextBlock> blocks, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var cursor = new BlockCursor(blocks.GetAsyncEnumerator(cancellationToken));
        await using (cursor.ConfigureAwait(false))
        {
            var head = new List<TextBlock>();
            var lines = new List<string>();
            while (lines.Count < TranscriptShape.SniffLines && await cursor.PeekAsync().ConfigureAwait(false) is not null)
            {
                var block = cursor.Take();
                head.Add(block);
                lines.AddRange(block.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(TranscriptShape.SniffLines));
            }

            var chosen = TranscriptShape.Looks(lines) ? turns : tokens;
            Name = (chosen as INamedChunker)?.Name ?? Name;
            await foreach (var chunk in chosen.ChunkAsync(Replay(head, cursor), cancellationToken).ConfigureAwait(false))
            {
                yield return chunk;
            }
        }
    }

    private static async IAsyncEnumerable<TextBlock> Replay(List<TextBlock> head, BlockCursor cursor)
    {
        foreach (var block in head)
        {
            yield return block;
        }

        while (await cursor.PeekAsync().ConfigureAwait(false) is not null)
        {
            yield return cursor.Take();
        }
    }
}
