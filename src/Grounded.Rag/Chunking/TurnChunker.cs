using System.Runtime.CompilerServices;
using System.Text;
using Grounded.Chunks;
using Grounded.Documents;
using Grounded.Stages;

namespace Grounded.Rag.Chunking;

/// <summary>
/// Chunks chat transcripts by turns: whole turns are packed, in order, up to the budget, and a turn is split (by
/// <see cref="TokenWindowChunker"/>, its speaker as the heading path) only when it alone exceeds the budget. In text, a
/// turn starts at a line with a speaker label (see <see cref="TranscriptShape"/>) and runs to the next one; when
/// <c>blocksAreTurns</c> is set (transcripts read from JSON), every block is one turn.
/// </summary>
internal sealed class TurnChunker : IChunker, INamedChunker
{
    private readonly ChunkingOptions _options;
    private readonly TokenCounter _counter;
    private readonly bool _blocksAreTurns;

    public TurnChunker(ChunkingOptions options, TokenCounter? counter = null, bool blocksAreTurns = false)
    {
        _options = options with { };
        _counter = counter ?? TokenCounter.Default;
        _blocksAreTurns = blocksAreTurns;
    }

    public string Name => "turns";

    public async IAsyncEnumerable<Chunk> ChunkAsync(IAsyncEnumerable<TextBlock> blocks, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var ordinal = 0;
        var packed = new List<TextBlock>();
        var packedText = string.Empty;
        await foreach (var turn in TurnsAsync(blocks, cancellationToken).ConfigureAwait(false))
        {
            if (turn.Segments.Count == 0)
            {
                continue;
            }

            var text = Join(turn.Segments);
            var joined = Join([.. packed, .. turn.Segments]);
            if (_counter.Count(joined) <= _options.ChunkTokens)
            {
                packed.AddRange(turn.Segments);
                packedText = joined;
                continue;
            }

            if (packed.Count > 0)
            {
                yield return Build(packed, packedText, ordinal++);
                packed = [];
            }

            if (_counter.Count(text) <= _options.ChunkTokens)
            {
                packed.AddRange(turn.Segments);
                packedText = text;
                continue;
            }

            var windows = new TokenWindowChunker(_options, _counter);
            var pieces = turn.Segments.Select(s => s with { HeadingPath = [.. s.HeadingPath, turn.Speaker] }).ToAsyncEnumerable();
            await foreach (var chunk in windows.ChunkAsync(pieces, cancellationToken).ConfigureAwait(false))
            {
                yield return chunk with { Ordinal = ordinal++ };
            }
        }

        if (packed.Count > 0)
        {
            yield return Build(packed, packedText, ordinal);
        }
    }

    private async IAsyncEnumerable<Turn> TurnsAsync(IAsyncEnumerable<TextBlock> blocks, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Turn? turn = null;
        await foreach (var block in blocks.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (_blocksAreTurns)
            {
                yield return new Turn(TranscriptShape.Speaker(block.Text) ?? string.Empty, [block]);
                continue;
            }

            var lineStart = 0;
            var segmentStart = 0;
            while (lineStart < block.Text.Length)
            {
                var newline = block.Text.IndexOf('\n', lineStart);
                var lineEnd = newline < 0 ? block.Text.Length : newline + 1;
                if (lineStart > segmentStart && TranscriptShape.Speaker(block.Text.AsSpan(lineStart, lineEnd - lineStart)) is { } speaker)
                {
                    turn = Extend(turn, block, segmentStart, lineStart);
                    yield return turn;
                    turn = new Turn(speaker, []);
                    segmentStart = lineStart;
                }
                else if (lineStart == 0 && TranscriptShape.Speaker(block.Text.AsSpan(0, lineEnd)) is { } first)
                {
                    if (turn is not null)
                    {
                        yield return turn;
                    }

                    turn = new Turn(first, []);
                }

                lineStart = lineEnd;
            }

            turn = Extend(turn, block, segmentStart, block.Text.Length);
        }

        if (turn is not null)
        {
            yield return turn;
        }
    }

    // Adds a block's lines [start, end) to the turn; text before the first label is a turn without a speaker.
    private static Turn Extend(Turn? turn, TextBlock block, int start, int end)
    {
        turn ??= new Turn(string.Empty, []);
        var text = block.Text[start..end].TrimEnd();
        if (text.Trim().Length > 0)
        {
            turn.Segments.Add(block with { Text = text, Offset = block.Offset + start, IsHeading = false });
        }

        return turn;
    }

    private static string Join(List<TextBlock> segments)
    {
        // Turns on consecutive lines stay on consecutive lines; turns from different paragraphs are a blank line apart.
        var text = new StringBuilder();
        for (var i = 0; i < segments.Count; i++)
        {
            if (i > 0)
            {
                var gap = segments[i].Offset - (segments[i - 1].Offset + segments[i - 1].Text.Length);
                text.Append(gap == 1 ? "\n" : "\n\n");
            }

            text.Append(segments[i].Text);
        }

        return text.ToString();
    }

    private Chunk Build(List<TextBlock> segments, string text, int ordinal)
    {
        var last = segments[^1];
        return new Chunk(ordinal, text, segments[0].Offset, last.Offset + last.Text.Length, string.Join(" > ", segments[0].HeadingPath.Where(h => h.Length > 0)), _counter.Count(text));
    }

    private sealed record Turn(string Speaker, List<TextBlock> Segments);
}
