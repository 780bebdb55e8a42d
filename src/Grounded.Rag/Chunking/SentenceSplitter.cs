namespace Grounded.Rag.Chunking;

/// <summary>
/// Splits text into sentences at '.', '!' or '?' (and closing quotes or brackets) followed by whitespace and a
/// capital, digit or opening mark; common abbreviations, initials and decimals do not end a sentence.
/// Line breaks end a sentence at a blank line (a paragraph or heading boundary), after ':' or ';', or when the next line starts a list.
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "e.g", "i.e", "etc", "vs", "cf", "al", "fig", "figs", "eq", "eqs", "dr", "mr", "mrs", "ms", "prof", "st", "no", "vol", "approx", "ca", "resp", "ref", "refs", "sec", "ch", "inc", "ltd", "co", "jr", "sr", "u.s", "u.k",
    };

    /// <summary>Returns the (start, length) spans of the sentences of <paramref name="text"/>, leading whitespace excluded.</summary>
    public static List<(int Start, int Length)> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spans = new List<(int, int)>();
        var start = SkipWhitespace(text, 0);
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            var isBreak = false;
            var end = i + 1;
            if (c is '.' or '!' or '?' or '。')
            {
                while (end < text.Length && text[end] is '"' or '\'' or ')' or ']' or '”' or '’' or '.' or '!' or '?')
                {
                    end++;
                }

                isBreak = end >= text.Length || (char.IsWhiteSpace(text[end]) && StartsSentence(text, SkipWhitespace(text, end)) && !IsAbbreviation(text, i));
            }
            else if (c == '\n')
            {
                var next = SkipWhitespace(text, end);
                isBreak = next < text.Length && (text[next] is '-' or '*' or '•' or '#' or '|' || (i > 0 && text[i - 1] is ':' or ';')
                                                  || text.AsSpan(end, next - end).Contains('\n'));
            }

            if (isBreak)
            {
                Add(spans, text, start, end);
                start = SkipWhitespace(text, end);
                i = start - 1;
            }
        }

        Add(spans, text, start, text.Length);
        return spans;
    }

    private static void Add(List<(int, int)> spans, string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            spans.Add((start, end - start));
        }
    }

    private static int SkipWhitespace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static bool StartsSentence(string text, int i) =>
        i >= text.Length || char.IsUpper(text[i]) || char.IsDigit(text[i]) || text[i] is '"' or '\'' or '(' or '[' or '“' or '‘' or '-' or '*' or '#';

    private static bool IsAbbreviation(string text, int dot)
    {
        if (text[dot] != '.')
        {
            return false;
        }

        var wordStart = dot;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = text.AsSpan(wordStart, dot - wordStart);
        // A single capital letter is an initial ("J. Smith"); a listed abbreviation never ends a sentence on its own.
        return (word.Length == 1 && char.IsUpper(word[0])) || Abbreviations.Contains(word.ToString());
    }
}
