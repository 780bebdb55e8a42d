using System.Text;

namespace Grounded.Guards.Pii;

/// <summary>
/// Restores a streamed answer's placeholders piece by piece: a placeholder may arrive split across pieces
/// (<c>&lt;PERS</c>, <c>ON_1&gt;</c>), so the end of the text that could still become one is held back until it is
/// complete or clearly is not; <see cref="Flush"/> gives back what is held when the stream ends.
/// </summary>
public sealed class PlaceholderRestorer(PiiVault vault)
{
    private readonly StringBuilder _held = new();

    /// <summary>Takes the next piece and returns the text that can be sent now, restored (possibly empty).</summary>
    public string Push(string piece)
    {
        ArgumentNullException.ThrowIfNull(piece);
        if (_held.Length == 0 && !piece.Contains('<', StringComparison.Ordinal))
        {
            return piece;
        }

        var text = _held.Append(piece).ToString();
        var cut = PartialStart(text);
        _held.Clear().Append(text, cut, text.Length - cut);
        return vault.Restore(text[..cut]);
    }

    /// <summary>Returns what is held back, restored, and forgets it (the stream has ended).</summary>
    public string Flush()
    {
        var rest = vault.Restore(_held.ToString());
        _held.Clear();
        return rest;
    }

    // Where a possible placeholder begins at the end of the text (the text's length when none): a '<' followed only by
    // the characters a placeholder has (A-Z, 0-9, '_'), no longer than the vault's longest placeholder.
    private int PartialStart(string text)
    {
        var open = text.LastIndexOf('<');
        if (open < 0 || text.Length - open >= Math.Max(vault.LongestPlaceholder, 2))
        {
            return text.Length;
        }

        for (var i = open + 1; i < text.Length; i++)
        {
            if (!(char.IsAsciiLetterUpper(text[i]) || char.IsAsciiDigit(text[i]) || text[i] == '_'))
            {
                return text.Length;
            }
        }

        return open;
    }
}
