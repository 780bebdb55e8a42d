using System.Text;

namespace Grounded.Gateway.Route;

/// <summary>What one character-by-character pass over a text finds: code fences and lines, math, and its letters' scripts.</summary>
internal readonly record struct TextSignals(bool Fence, int CodeLines, int MathSymbols, int LatinLetters, int NonLatinLetters)
{
    private const string MathCharacters = "∑∫√π∞∂∀∃≤≥≠≈±×÷∈∉⊂⊆∪∩→⇒⇔∧∨¬∝∆∇";

    /// <summary>Gets the share of letters outside the Latin script; 0 for a text without letters.</summary>
    public double NonLatinShare => LatinLetters + NonLatinLetters == 0 ? 0 : (double)NonLatinLetters / (LatinLetters + NonLatinLetters);

    /// <summary>Reads <paramref name="text"/> once.</summary>
    public static TextSignals Scan(ReadOnlySpan<char> text)
    {
        var fence = text.Contains("```", StringComparison.Ordinal) || text.Contains("~~~", StringComparison.Ordinal);
        int codeLines = 0, math = 0, latin = 0, nonLatin = 0;
        var last = '\n'; // the line's last character that is not white space
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                codeLines += last is ';' or '{' or '}' ? 1 : 0;
                last = '\n';
                continue;
            }

            if (c < 0x80)
            {
                if (char.IsAsciiLetter(c))
                {
                    latin++;
                }
                else if (c is '=' or '^' && IsEquation(text, i))
                {
                    math++;
                }

                if (!char.IsWhiteSpace(c))
                {
                    last = c;
                }

                continue;
            }

            last = c;
            if (IsLatin(c))
            {
                latin++;
            }
            else if (MathCharacters.Contains(c, StringComparison.Ordinal))
            {
                math++;
            }
            else if (!char.IsSurrogate(c) && char.IsLetter(c))
            {
                nonLatin++;
            }
        }

        codeLines += last is ';' or '{' or '}' ? 1 : 0;
        return new TextSignals(fence, codeLines, math, latin, nonLatin);
    }

    /// <summary>Returns a cheap estimate of the text's o200k token count: about 4 ASCII characters a token, 2 for other alphabets, 1 for CJK.</summary>
    public static int EstimateTokens(ReadOnlySpan<char> text)
    {
        if (Ascii.IsValid(text))
        {
            return (text.Length + 3) / 4;
        }

        int ascii = 0, wide = 0, other = 0;
        foreach (var c in text)
        {
            if (c < 0x80)
            {
                ascii++;
            }
            else if (c >= 0x2E80)
            {
                wide++; // CJK, kana, hangul; a surrogate pair (emoji, rare ideographs) counts two
            }
            else
            {
                other++;
            }
        }

        return ((ascii + 3) / 4) + wide + ((other + 1) / 2);
    }

    // Latin-1 letters, Latin Extended-A/B, Latin Extended Additional (Vietnamese): accents do not make a text non-Latin.
    private static bool IsLatin(char c) => (c is >= '\u00C0' and <= '\u024F' && c is not '\u00D7' and not '\u00F7') || c is >= '\u1E00' and <= '\u1EFF';

    // "x + 2 = 5", "x^2": an operand on both sides, not code's "==", "=>", "!=", "<=".
    private static bool IsEquation(ReadOnlySpan<char> text, int at)
    {
        var before = at - 1;
        while (before >= 0 && text[before] == ' ')
        {
            before--;
        }

        var after = at + 1;
        while (after < text.Length && text[after] == ' ')
        {
            after++;
        }

        return before >= 0 && after < text.Length
            && (char.IsAsciiLetterOrDigit(text[before]) || text[before] == ')')
            && (char.IsAsciiDigit(text[after]) || (char.IsAsciiLetter(text[after]) && (after + 1 == text.Length || !char.IsAsciiLetter(text[after + 1]))) || text[after] == '(');
    }
}
