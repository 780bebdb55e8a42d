using System.Text;

namespace Grounded.Gateway.Guard;

/// <summary>
/// Holds a streamed answer back to its last sentence boundary (<c>.</c>, <c>!</c>, <c>?</c> and the like followed by white
/// space, or a line break), so that output guards check whole sentences before they are sent: at most one unfinished
/// sentence waits. A run of text with no boundary is let go at a word boundary once it passes <see cref="MaxHeld"/> characters.
/// </summary>
internal sealed class SentenceHoldback
{
    /// <summary>The most characters held when no sentence ends (a long list, code).</summary>
    public const int MaxHeld = 1000;

    private readonly StringBuilder _held = new();

    /// <summary>Gets how many characters are held.</summary>
    public int Held => _held.Length;

    /// <summary>Takes the next piece; returns the text up to the last sentence boundary (to check and send), or empty.</summary>
    public string Push(string piece)
    {
        _held.Append(piece);
        if (piece.Length == 0)
        {
            return string.Empty;
        }

        var cut = LastBoundary();
        if (cut <= 0 && _held.Length > MaxHeld)
        {
            cut = LastWhiteSpace();
        }

        if (cut <= 0)
        {
            return string.Empty;
        }

        var ready = _held.ToString(0, cut);
        _held.Remove(0, cut);
        return ready;
    }

    /// <summary>Returns what is held, and forgets it (the answer has ended, or something else must go out first).</summary>
    public string Flush()
    {
        var rest = _held.ToString();
        _held.Clear();
        return rest;
    }

    // Just past the last sentence end: a terminator followed by white space (kept with the sentence), or a line break.
    private int LastBoundary()
    {
        for (var i = _held.Length - 1; i >= 0; i--)
        {
            var c = _held[i];
            if (c == '\n')
            {
                return i + 1;
            }

            if (i + 1 < _held.Length && char.IsWhiteSpace(_held[i + 1]) && c is '.' or '!' or '?' or '…' or '。' or '！' or '？')
            {
                return i + 2;
            }
        }

        return 0;
    }

    private int LastWhiteSpace()
    {
        for (var i = _held.Length - 1; i > 0; i--)
        {
            if (char.IsWhiteSpace(_held[i]))
            {
                return i + 1;
            }
        }

        return _held.Length;
    }
}
