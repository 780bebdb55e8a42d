namespace Grounded.Guards.Text;

/// <summary>
/// A text made from another by a chain of rewrites, that remembers for each of its characters which characters of the
/// original produced it, so a match found in the rewritten text can be reported at the place the caller sees.
/// </summary>
internal sealed class MappedText
{
    private readonly int[] _starts;
    private readonly int[] _ends;

    private MappedText(string text, int[] starts, int[] ends)
    {
        Text = text;
        _starts = starts;
        _ends = ends;
    }

    /// <summary>Gets the rewritten text.</summary>
    public string Text { get; }

    /// <summary>Returns a text mapped onto itself, character for character.</summary>
    public static MappedText Identity(string text)
    {
        var starts = new int[text.Length];
        var ends = new int[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            starts[i] = i;
            ends[i] = i + 1;
        }

        return new MappedText(text, starts, ends);
    }

    /// <summary>Returns the original range (start, length) that produced <paramref name="length"/> characters of this text from <paramref name="start"/>.</summary>
    public (int Start, int Length) ToOriginal(int start, int length)
    {
        if (Text.Length == 0)
        {
            return (0, 0);
        }

        start = Math.Clamp(start, 0, Text.Length - 1);
        var last = Math.Clamp(start + Math.Max(length, 1) - 1, start, Text.Length - 1);
        var from = _starts[start];
        var to = _ends[last];
        for (var i = start; i <= last; i++)
        {
            // A decoded segment maps every character to the whole segment: take the widest extent.
            from = Math.Min(from, _starts[i]);
            to = Math.Max(to, _ends[i]);
        }

        return (from, to - from);
    }

    /// <summary>Builds a text from pieces of <paramref name="source"/>, each piece mapped to the original range its source characters came from.</summary>
    internal sealed class Builder(MappedText source)
    {
        private readonly System.Text.StringBuilder _text = new(source.Text.Length);
        private readonly List<int> _starts = new(source.Text.Length);
        private readonly List<int> _ends = new(source.Text.Length);

        /// <summary>Appends source characters [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>) unchanged.</summary>
        public void Copy(int start, int length)
        {
            for (var i = start; i < start + length; i++)
            {
                _text.Append(source.Text[i]);
                _starts.Add(source._starts[i]);
                _ends.Add(source._ends[i]);
            }
        }

        /// <summary>Appends <paramref name="replacement"/> in place of source characters [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>).</summary>
        public void Replace(int start, int length, ReadOnlySpan<char> replacement)
        {
            var (from, to) = (source._starts[start], source._ends[start + length - 1]);
            for (var i = start; i < start + length; i++)
            {
                from = Math.Min(from, source._starts[i]);
                to = Math.Max(to, source._ends[i]);
            }

            foreach (var c in replacement)
            {
                _text.Append(c);
                _starts.Add(from);
                _ends.Add(to);
            }
        }

        /// <summary>Returns the text built so far.</summary>
        public MappedText Build() => new(_text.ToString(), [.. _starts], [.. _ends]);
    }
}
