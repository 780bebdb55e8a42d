namespace Grounded.Guards.Pii;

/// <summary>A word of a text as the person recognizer sees it: where it is and what its shape says.</summary>
/// <param name="Start">The offset of the first letter.</param>
/// <param name="End">The offset just past the word (a possessive "'s" is not part of it).</param>
/// <param name="Capitalised">Whether it starts with a capital followed by lower-case letters, or is one capital ("Anna", "McCray", "K").</param>
/// <param name="Possessive">Whether "'s" followed it.</param>
internal readonly record struct NameToken(int Start, int End, bool Capitalised, bool Possessive)
{
    /// <summary>Gets the number of characters.</summary>
    public int Length => End - Start;

    /// <summary>Returns the words of <paramref name="text"/>: letters and marks, with inner apostrophes and hyphens ("O'Brien", "Jean-Luc").</summary>
    public static List<NameToken> Read(string text)
    {
        var tokens = new List<NameToken>(text.Length / 5);
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i++;
            var lower = false;
            while (i < text.Length)
            {
                var c = text[i];
                if (char.IsLetter(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
                {
                    lower |= char.IsLower(c);
                    i++;
                }
                else if (c is '\'' or '’' or '-' && i + 1 < text.Length && char.IsLetter(text[i + 1]))
                {
                    i++;
                }
                else
                {
                    break;
                }
            }

            var end = i;
            var possessive = end - start > 2 && text[end - 2] is '\'' or '’' && text[end - 1] is 's';
            if (possessive)
            {
                end -= 2;
            }

            var capitalised = char.IsUpper(text[start]) && (end - start == 1 || lower);
            tokens.Add(new NameToken(start, end, capitalised, possessive));
        }

        return tokens;
    }
}
