using Grounded.Documents;

namespace Grounded.Rag.Chunking;

/// <summary>Reads blocks with one block of look-ahead, so a chunker can stop in front of the next heading.</summary>
internal sealed class BlockCursor(IAsyncEnumerator<TextBlock> blocks) : IAsyncDisposable
{
    private TextBlock? _next;
    private bool _done;

    /// <summary>Returns the next block without taking it, or null at the end.</summary>
    public async ValueTask<TextBlock?> PeekAsync()
    {
        if (_next is null && !_done)
        {
            if (await blocks.MoveNextAsync().ConfigureAwait(false))
            {
                _next = blocks.Current;
            }
            else
            {
                _done = true;
            }
        }

        return _next;
    }

    /// <summary>Takes the block the last <see cref="PeekAsync"/> returned.</summary>
    public TextBlock Take()
    {
        var block = _next ?? throw new InvalidOperationException("Peek before taking a block.");
        _next = null;
        return block;
    }

    /// <summary>Yields the blocks already read, then the rest of the section: every block up to the next heading.</summary>
    public async IAsyncEnumerable<TextBlock> RestOfSection(IEnumerable<TextBlock> read)
    {
        foreach (var block in read)
        {
            yield return block;
        }

        while (await PeekAsync().ConfigureAwait(false) is { IsHeading: false })
        {
            yield return Take();
        }
    }

    public ValueTask DisposeAsync() => blocks.DisposeAsync();
}
