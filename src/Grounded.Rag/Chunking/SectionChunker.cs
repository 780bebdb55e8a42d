using System.Runtime.CompilerServices;
using System.Text;
using Grounded.Chunks;
using Grounded.Documents;
using Grounded.Stages;

namespace Grounded.Rag.Chunking;

/// <summary>
/// Chunks structured documents (Markdown, HTML, Word) by section: a section is a heading and the blocks up to the next
/// heading. A section that fits the budget is one chunk; adjacent short sections under the same parent are merged while
/// they fit; a longer section is split by <see cref="TokenWindowChunker"/>, streaming. A chunk's heading path is the
/// path its sections share.
/// </summary>
internal sealed class SectionChunker : IChunker, INamedChunker
{
    private readonly ChunkingOptions _options;
    private readonly TokenCounter _counter;

    public SectionChunker(ChunkingOptions options, TokenCounter? counter = null)
    {
        _options = options with { };
        _counter = counter ?? TokenCounter.Default;
    }

    public string Name => "sections";

    public async IAsyncEnumerable<Chunk> ChunkAsync(IAsyncEnumerable<TextBlock> blocks, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var max = _options.ChunkTokens;
        var ordinal = 0;
        var cursor = new BlockCursor(blocks.GetAsyncEnumerator(cancellationToken));
        await using (cursor.ConfigureAwait(false))
        {
            Group? group = null;
            while (await cursor.PeekAsync().ConfigureAwait(false) is not null)
            {
                // Read one section, but no further than the budget: past it the section is split as a stream.
                var section = new List<TextBlock> { cursor.Take() };
                var text = new StringBuilder(section[0].Text);
                var tokens = _counter.Count(text.ToString());
                while (tokens <= max && await cursor.PeekAsync().ConfigureAwait(false) is { IsHeading: false } next)
                {
                    section.Add(cursor.Take());
                    text.Append("\n\n").Append(next.Text);
                    tokens = _counter.Count(text.ToString());
                }

                if (tokens > max)
                {
                    // Headings with no text of their own (a title right above this section) lead into it rather than
                    // standing alone as a chunk of titles.
                    var lead = group is not null && group.HeadingsOnly ? group.Blocks : [];
                    if (group is not null && !group.HeadingsOnly)
                    {
                        yield return group.Build(ordinal++, _counter);
                    }

                    group = null;
                    var windows = new TokenWindowChunker(_options, _counter);
                    await foreach (var chunk in windows.ChunkAsync(cursor.RestOfSection([.. lead, .. section]), cancellationToken).ConfigureAwait(false))
                    {
                        yield return chunk with { Ordinal = ordinal++ };
                    }

                    continue;
                }

                var path = section[0].HeadingPath;
                if (group is not null && group.Accepts(path) && _counter.Count(group.Text + "\n\n" + text) <= max)
                {
                    group.Add(section, text.ToString(), path);
                    continue;
                }

                if (group is not null)
                {
                    yield return group.Build(ordinal++, _counter);
                }

                group = new Group(section, text.ToString(), path);
            }

            if (group is not null)
            {
                yield return group.Build(ordinal, _counter);
            }
        }
    }

    /// <summary>Sections merged into one chunk: all under the parent of the first one.</summary>
    private sealed class Group(List<TextBlock> blocks, string text, IReadOnlyList<string> path)
    {
        private readonly IReadOnlyList<string> _parent = path.Count > 0 ? path.Take(path.Count - 1).ToArray() : [];
        private IReadOnlyList<string> _path = path;

        public string Text { get; private set; } = text;

        public List<TextBlock> Blocks => blocks;

        public bool HeadingsOnly => blocks.All(b => b.IsHeading);

        public bool Accepts(IReadOnlyList<string> path) => path.Count >= _parent.Count && _parent.SequenceEqual(path.Take(_parent.Count));

        public void Add(List<TextBlock> section, string text, IReadOnlyList<string> path)
        {
            blocks.AddRange(section);
            Text = Text + "\n\n" + text;
            var shared = 0;
            while (shared < _path.Count && shared < path.Count && _path[shared] == path[shared])
            {
                shared++;
            }

            _path = _path.Take(shared).ToArray();
        }

        public Chunk Build(int ordinal, TokenCounter counter)
        {
            var last = blocks[^1];
            return new Chunk(ordinal, Text, blocks[0].Offset, last.Offset + last.Text.Length,
                string.Join(" > ", _path.Where(h => h.Length > 0)), counter.Count(Text));
        }
    }
}
