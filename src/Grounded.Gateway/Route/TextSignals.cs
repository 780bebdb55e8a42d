using System.Text;

namespace Grounded.Gateway.Route;

/// <summary>
/// What one character-by-character pass over a text finds: code fences and lines, math, its letters' scripts, and (into a
/// <see cref="CueTally"/>) its cue words and phrases, each word looked up as it ends, without allocating.
/// </summary>
internal readonly record struct TextSignals(bool Fence, int CodeLines, int MathSymbols, int LatinLetters, int NonLatinLetters)
{
    private const string MathCharacters = "∑∫√π∞∂∀∃≤≥≠≈±×÷∈∉⊂⊆∪∩→⇒⇔∧∨¬∝∆∇";

    /// <summary>Gets the share of letters outside the Latin script; 0 for a text without letters.</summary>
    public double NonLatinShare => LatinLetters + NonLatinLetters == 0 ? 0 : (double)NonLatinLetters / (LatinLetters + NonLatinLetters);

    /// <summary>Returns the signals of two pieces of one text together.</summary>
    public static TextSignals operator +(TextSignals a, TextSignals b) =>
        new(a.Fence || b.Fence, a.CodeLines + b.CodeLines, a.MathSymbols + b.MathSymbols, a.LatinLetters + b.LatinLetters, a.NonLatinLetters + b.NonLatinLetters);

    /// <summary>Reads <paramref name="text"/> once, adding the cues it holds to <paramref name="cues"/>.</summary>
    public static TextSignals Scan(ReadOnlySpan<char> text, CueTally cues)
    {
        var fence = text.Contains("```", StringComparison.Ordinal) || text.Contains("~~~", StringComparison.Ordinal);
        int codeLines = 0, math = 0, latin = 0, nonLatin = 0;
        var last = '\n'; // the line's last character that is not white space
        var words = new Words(cues);
        var wordStart = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiLetterOrDigit(c))
            {
                wordStart = wordStart < 0 ? i : wordStart;
                latin += char.IsAsciiLetter(c) ? 1 : 0;
                last = c;
                continue;
            }

            if (wordStart >= 0)
            {
                words.End(text, wordStart, i);
                wordStart = -1;
            }

            if (c == '\n')
            {
                codeLines += last is ';' or '{' or '}' ? 1 : 0;
                last = '\n';
            }
            else if (c < 0x80)
            {
                math += c is '=' or '^' && IsEquation(text, i) ? 1 : 0;
                last = char.IsWhiteSpace(c) ? last : c;
            }
            else
            {
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
        }

        if (wordStart >= 0)
        {
            words.End(text, wordStart, text.Length);
        }

        codeLines += last is ';' or '{' or '}' ? 1 : 0;
        return new TextSignals(fence, codeLines, math, latin, nonLatin);
    }

    /// <summary>
    /// Returns a cheap estimate of the text's o200k token count, from its UTF-8 size (vectorized, no tokenizer): about 4
    /// ASCII characters a token, 2 for other alphabets (2 bytes each), 1 for CJK (3 bytes each).
    /// </summary>
    public static int EstimateTokens(ReadOnlySpan<char> text)
    {
        var extra = Encoding.UTF8.GetByteCount(text) - text.Length; // 1 per 2-byte character, 2 per 3-byte one
        return ((Math.Max(0, text.Length - extra) + 3) / 4) + ((extra + 1) / 2);
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

    // The words of one scan, looked up as they end: the word (with a '#' or '++' after it, or a '#' or '\' before it), and
    // the phrases ending with it that start at one of the last few words, joined by single separators.
    private struct Words(CueTally cues)
    {
        private int _recent0 = -1; // starts of the last three words that can start a phrase, nearest first; -1: none
        private int _recent1 = -1;
        private int _recent2 = -1;
        private int _lastEnd = -1;

        public void End(ReadOnlySpan<char> text, int start, int end)
        {
            if (start - _lastEnd != 1 || _lastEnd < 0 || text[_lastEnd] is not (' ' or '-' or '.'))
            {
                _recent0 = _recent1 = _recent2 = -1; // a phrase's words are joined by exactly one separator (RequestCues.PhraseSeparators)
            }

            var suffix = end < text.Length && text[end] == '#' ? 1 : end + 1 < text.Length && text[end] == '+' && text[end + 1] == '+' ? 2 : 0;
            var prefix = start > 0 && text[start - 1] is '#' or '\\' ? 1 : 0;
            _ = (suffix > 0 && Try(text[start..(end + suffix)])) || (prefix > 0 && Try(text[(start - prefix)..end])) || Try(text[start..end]);
            TryPhrase(text, _recent0, end);
            TryPhrase(text, _recent1, end);
            TryPhrase(text, _recent2, end);

            (_recent2, _recent1, _recent0) = (_recent1, _recent0, RequestCues.Starts(text[start..end]) ? start : -1);
            _lastEnd = end;
        }

        private readonly void TryPhrase(ReadOnlySpan<char> text, int from, int end)
        {
            if (from >= 0)
            {
                Try(text[from..end]);
            }
        }

        private readonly bool Try(ReadOnlySpan<char> candidate)
        {
            if (RequestCues.Find(candidate) is not { } kind)
            {
                return false;
            }

            cues.Add(candidate, kind);
            return true;
        }
    }
}
