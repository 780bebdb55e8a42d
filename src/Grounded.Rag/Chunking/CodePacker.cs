namespace Grounded.Rag.Chunking;

/// <summary>
/// Turns a tree of <see cref="CodeUnit"/>s into spans of at most the token budget that together cover the text: a unit
/// that fits stays whole, a unit that does not is replaced by its children (the text between them kept as it is), and a
/// unit without children is split at line ends. Whole sibling units are then merged, in order, while they fit together.
/// </summary>
internal sealed class CodePacker
{
    private const int MaxDepth = 64;
    private readonly string _text;
    private readonly TokenCounter _counter;
    private readonly int _max;

    public CodePacker(string text, TokenCounter counter, int maxTokens)
    {
        _text = text;
        _counter = counter;
        _max = maxTokens;
    }

    /// <summary>
    /// A span of the text and the names of the units it sits in. Whole spans merge with their whole siblings; a gap (the
    /// text between units: usings, a class header, a closing brace) also merges with a neighbouring part of a split unit.
    /// </summary>
    public sealed record Piece(int Start, int End, IReadOnlyList<string> Path, bool Whole, bool Gap = false);

    /// <summary>Returns the pieces of the tree, in order, each trimmed of surrounding whitespace and within the budget.</summary>
    public List<Piece> Pack(CodeUnit root, IReadOnlyList<string> path)
    {
        var pieces = new List<Piece>();
        foreach (var piece in Pieces(root, path, 0))
        {
            var start = piece.Start;
            var end = piece.End;
            while (start < end && char.IsWhiteSpace(_text[start]))
            {
                start++;
            }

            while (end > start && char.IsWhiteSpace(_text[end - 1]))
            {
                end--;
            }

            if (end > start)
            {
                pieces.Add(piece with { Start = start, End = end });
            }
        }

        return pieces;
    }

    /// <summary>Counts the tokens of a span of the text.</summary>
    public int Count(int start, int end) => _counter.Count(_text.AsSpan(start, end - start));

    private List<Piece> Pieces(CodeUnit unit, IReadOnlyList<string> path, int depth)
    {
        if (Count(unit.Start, unit.End) <= _max)
        {
            return [new Piece(unit.Start, unit.End, SoleChildren(unit, path), true)];
        }

        if (unit.Children.Count == 0 || depth >= MaxDepth)
        {
            return Merge(Lines(unit.Start, unit.End, path));
        }

        var pieces = new List<Piece>();
        var cursor = unit.Start;
        foreach (var child in unit.Children)
        {
            var start = Math.Max(child.Start, cursor);
            var end = Math.Min(child.End, unit.End);
            if (end <= start)
            {
                continue;
            }

            pieces.AddRange(Gaps(cursor, start, path));
            var inner = Pieces(child with { Start = start, End = end }, child.Name is null ? path : [.. path, child.Name], depth + 1);
            pieces.AddRange(inner.Count == 1 ? inner : inner.Select(p => p with { Whole = false }));
            cursor = end;
        }

        pieces.AddRange(Gaps(cursor, unit.End, path));
        return Merge(pieces);
    }

    // A unit kept whole is named down its chain of only children: a file that holds one namespace with one class is
    // "Namespace > Class", not an empty path.
    private static IReadOnlyList<string> SoleChildren(CodeUnit unit, IReadOnlyList<string> path)
    {
        var names = path.ToList();
        for (var depth = 0; unit.Children.Count == 1 && depth < MaxDepth; depth++)
        {
            unit = unit.Children[0];
            if (unit.Name is not null)
            {
                names.Add(unit.Name);
            }
        }

        return names.Count == path.Count ? path : names;
    }

    private List<Piece> Merge(List<Piece> pieces)
    {
        var merged = new List<Piece>();
        foreach (var piece in pieces)
        {
            if (merged.Count > 0 && merged[^1] is { } last && ((last.Whole && piece.Whole) || last.Gap || piece.Gap) && Count(last.Start, piece.End) <= _max)
            {
                // A gap (a header or closing brace) takes the path of the unit it joins; whole siblings share their parent's.
                var path = last.Gap == piece.Gap ? CommonPrefix(last.Path, piece.Path) : last.Gap ? piece.Path : last.Path;
                merged[^1] = new Piece(last.Start, piece.End, path, last.Whole && piece.Whole, last.Gap && piece.Gap);
            }
            else
            {
                merged.Add(piece);
            }
        }

        return merged;
    }

    private IEnumerable<Piece> Gaps(int start, int end, IReadOnlyList<string> path) =>
        Lines(start, end, path).Select(p => p with { Gap = true });

    // Packs whole lines up to the budget; a line longer than the budget is cut at the token limit, preferably at a space.
    private List<Piece> Lines(int start, int end, IReadOnlyList<string> path)
    {
        var pieces = new List<Piece>();
        var position = start;
        while (position < end)
        {
            var lineEnd = LineEnd(position, end);

            // Only a bounded window of a long line is counted, so one giant line costs linear time, not quadratic.
            var windowEnd = Math.Min(lineEnd, position + (_max * 32));
            var windowTokens = Count(position, windowEnd);
            if (windowTokens > _max || windowEnd < lineEnd)
            {
                var cut = windowEnd - position;
                if (windowTokens > _max)
                {
                    var window = _text.Substring(position, windowEnd - position);
                    cut = _counter.CharsWithin(window, _max);
                    var space = window.LastIndexOf(' ', cut - 1, Math.Min(cut, 200));
                    cut = space > cut / 2 ? space + 1 : cut;
                }

                pieces.Add(new Piece(position, position + cut, path, true));
                position += cut;
                continue;
            }

            var pieceEnd = lineEnd;
            var estimate = windowTokens;
            var lines = new List<int> { lineEnd };
            while (pieceEnd < end)
            {
                var next = LineEnd(pieceEnd, end);
                if (next - pieceEnd > _max * 32)
                {
                    break;
                }

                var tokens = Count(pieceEnd, next);
                if (estimate + tokens > _max)
                {
                    break;
                }

                estimate += tokens;
                pieceEnd = next;
                lines.Add(next);
            }

            // The estimate adds lines counted apart; check the joined text and give back lines while it is over.
            while (lines.Count > 1 && Count(position, lines[^1]) > _max)
            {
                lines.RemoveAt(lines.Count - 1);
            }

            pieces.Add(new Piece(position, lines[^1], path, true));
            position = lines[^1];
        }

        Rebalance(pieces);
        return pieces;
    }

    // A stub at the end (a lone "return x;") takes whole lines from the piece before it until the two are about even;
    // both stay within the budget, since the last never grows past the one before it.
    private void Rebalance(List<Piece> pieces)
    {
        if (pieces.Count < 2 || pieces[^2].End != pieces[^1].Start || Count(pieces[^1].Start, pieces[^1].End) >= _max / 4)
        {
            return;
        }

        var (previous, last) = (pieces[^2], pieces[^1]);
        var boundary = last.Start;
        while (LastLineStart(previous.Start, boundary) is var lineStart && lineStart > previous.Start
               && Count(lineStart, last.End) <= Count(previous.Start, lineStart))
        {
            boundary = lineStart;
        }

        pieces[^2] = previous with { End = boundary };
        pieces[^1] = last with { Start = boundary };
    }

    // The start of the last line that begins in [from, before), where before is itself a line start; from when none.
    private int LastLineStart(int from, int before)
    {
        if (before - from < 2)
        {
            return from;
        }

        var newline = _text.LastIndexOf('\n', before - 2, before - 1 - from);
        return newline < 0 ? from : newline + 1;
    }

    private int LineEnd(int from, int end)
    {
        var newline = _text.IndexOf('\n', from, end - from);
        return newline < 0 ? end : newline + 1;
    }

    private static IReadOnlyList<string> CommonPrefix(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var n = 0;
        while (n < a.Count && n < b.Count && a[n] == b[n])
        {
            n++;
        }

        return n == a.Count ? a : a.Take(n).ToArray();
    }
}
