using System.Runtime.CompilerServices;
using System.Text;
using Grounded.Chunks;
using Grounded.Documents;
using Grounded.Stages;

namespace Grounded.Rag.Chunking;

/// <summary>
/// Packs whole sentences into windows of at most <see cref="ChunkingOptions.ChunkTokens"/> tokens, repeating up to
/// <see cref="ChunkingOptions.OverlapTokens"/> tokens of trailing sentences in the next window. It prefers to break
/// before a heading or a paragraph that would not fit; only a sentence longer than a window is cut mid-sentence.
/// Streams: it holds one window of text at a time.
/// </summary>
public sealed class TokenWindowChunker : IChunker, INamedChunker
{
    private readonly ChunkingOptions _options;
    private readonly TokenCounter _counter;

    /// <summary>Creates a chunker; the options are copied.</summary>
    public TokenWindowChunker(ChunkingOptions options, TokenCounter? counter = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }

        _options = options with { };
        _counter = counter ?? TokenCounter.Default;
    }

    string INamedChunker.Name => "tokens";

    /// <inheritdoc />
    public async IAsyncEnumerable<Chunk> ChunkAsync(IAsyncEnumerable<TextBlock> blocks, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var max = _options.ChunkTokens;
        var window = new List<Unit>();
        var windowTokens = 0;
        var ordinal = 0;

        await foreach (var block in blocks.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var units = Units(block);
            var blockTokens = units.Sum(u => u.Tokens);
            var fresh = window.Count(u => !u.Carried);
            var breakHere = fresh > 0 && ((block.IsHeading && windowTokens >= max / 4)
                                          || (windowTokens + blockTokens > max && windowTokens >= max / 2));
            if (breakHere)
            {
                yield return Build(window, ordinal++);
                window = block.IsHeading ? [] : Carry(window);
                windowTokens = window.Sum(u => u.Tokens);
            }

            for (var i = 0; i < units.Count; i++)
            {
                var unit = units[i] with { StartsBlock = i == 0 };
                while (window.Count > 0 && windowTokens + unit.Tokens > max)
                {
                    if (window.Any(u => !u.Carried))
                    {
                        yield return Build(window, ordinal++);
                        window = Carry(window);
                    }
                    else
                    {
                        window.RemoveAt(0); // the carried overlap does not fit beside this sentence: drop it, oldest first
                    }

                    windowTokens = window.Sum(u => u.Tokens);
                }

                window.Add(unit);
                windowTokens += unit.Tokens;
            }
        }

        if (window.Any(u => !u.Carried))
        {
            yield return Build(window, ordinal);
        }
    }

    private List<Unit> Units(TextBlock block)
    {
        var units = new List<Unit>();
        var path = string.Join(" > ", block.HeadingPath.Where(h => h.Length > 0));
        foreach (var (start, length) in SentenceSplitter.Split(block.Text))
        {
            var text = block.Text.Substring(start, length);
            var offset = block.Offset + start;
            var tokens = Tokens(text);
            while (tokens > _options.ChunkTokens)
            {
                // A sentence longer than a window: cut it at the token limit, preferably at a space.
                var cut = _counter.CharsWithin(text.Length > _options.ChunkTokens * 32 ? text[..(_options.ChunkTokens * 32)] : text, _options.ChunkTokens);
                var space = text.LastIndexOf(' ', cut - 1, Math.Min(cut, 200));
                if (space > cut / 2)
                {
                    cut = space + 1;
                }

                var piece = text[..cut].TrimEnd();
                units.Add(new Unit(piece, offset, Joined(piece, units.Count == 0, _counter.Count(piece)), path, false, false));
                offset += cut;
                text = text[cut..];
                tokens = Tokens(text);
            }

            if (text.Length > 0)
            {
                units.Add(new Unit(text, offset, Joined(text, units.Count == 0, tokens), path, false, false));
            }
        }

        return units;
    }

    // The exact count of a text, or one past the window when the text is far longer than a window (a giant line of
    // code or minified text): counting only a bounded prefix keeps cutting one giant sentence linear, not quadratic.
    private int Tokens(string text)
    {
        var limit = _options.ChunkTokens * 32;
        return text.Length <= limit ? _counter.Count(text) : Math.Max(_counter.Count(text.AsSpan(0, limit)), _options.ChunkTokens + 1);
    }

    // A unit's budget covers it both first in a window (alone) and after the separator Build puts in front of it ("\n\n"
    // before a block's first sentence, else " "): the separator can be a token of its own (" 42", "\n\n"), and a word can
    // take more tokens without its leading space, so counting the sentence one way only let chunks overflow the window.
    private int Joined(string text, bool startsBlock, int alone) =>
        Math.Max(alone, _counter.Count(startsBlock ? "\n\n" + text : " " + text));

    private List<Unit> Carry(List<Unit> window)
    {
        var carried = new List<Unit>();
        var tokens = 0;
        for (var i = window.Count - 1; i > 0; i--)
        {
            if (tokens + window[i].Tokens > _options.OverlapTokens)
            {
                break;
            }

            tokens += window[i].Tokens;
            carried.Insert(0, window[i] with { Carried = true });
        }

        return carried;
    }

    private Chunk Build(List<Unit> window, int ordinal)
    {
        var text = new StringBuilder();
        for (var i = 0; i < window.Count; i++)
        {
            if (i > 0)
            {
                text.Append(window[i].StartsBlock ? "\n\n" : " ");
            }

            text.Append(window[i].Text);
        }

        var first = window[0];
        var last = window[^1];
        var chunk = text.ToString();
        return new Chunk(ordinal, chunk, first.Offset, last.Offset + last.Text.Length, first.HeadingPath, _counter.Count(chunk));
    }

    private sealed record Unit(string Text, long Offset, int Tokens, string HeadingPath, bool StartsBlock, bool Carried);
}
