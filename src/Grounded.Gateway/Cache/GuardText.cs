using System.Text;

namespace Grounded.Gateway.Cache;

/// <summary>A text read the way <see cref="ParaphraseGuard"/> compares it: its words in order, its numbers, its names.</summary>
internal sealed class GuardText
{
    private GuardText(List<string> words, HashSet<string> capitalised)
    {
        Words = words;
        WordSet = new HashSet<string>(words, StringComparer.Ordinal);
        OrderedWords = words.FindAll(w => !GuardWords.Articles.Contains(w));
        Capitalised = capitalised;
        Numbers = new List<string>();
        Content = new List<string>();
        foreach (var word in words)
        {
            AddNumbers(word, Numbers);
            HasNegation |= GuardWords.Negations.Contains(word);
            if (!GuardWords.Function.Contains(word) && !GuardWords.Negations.Contains(word))
            {
                Content.Add(word);
            }
        }

        Numbers.Sort(StringComparer.Ordinal);
    }

    /// <summary>Gets the words in order: lower case, contractions expanded, number words as digits.</summary>
    public List<string> Words { get; }

    /// <summary>Gets the words whose order the guard compares: all but articles.</summary>
    public List<string> OrderedWords { get; }

    /// <summary>Gets the distinct words.</summary>
    public HashSet<string> WordSet { get; }

    /// <summary>Gets the words written with a capital letter (names, acronyms, and the first word of a sentence).</summary>
    public HashSet<string> Capitalised { get; }

    /// <summary>Gets the numbers (runs of digits), sorted.</summary>
    public List<string> Numbers { get; }

    /// <summary>Gets the content words in order: the words that are neither function words nor negations.</summary>
    public List<string> Content { get; }

    /// <summary>Gets whether the text negates anything.</summary>
    public bool HasNegation { get; }

    /// <summary>Reads <paramref name="text"/>.</summary>
    public static GuardText Read(string text)
    {
        var compatible = CompatibilityFold.Apply(text);
        var words = new List<string>();
        var capitalised = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        while (i < compatible.Length)
        {
            if (!IsWordChar(compatible[i]))
            {
                i++;
                continue;
            }

            var start = i;
            // A word is letters and digits, with apostrophes inside it (don't, o'clock); hyphens and other marks split.
            while (i < compatible.Length && (IsWordChar(compatible[i])
                   || (IsApostrophe(compatible[i]) && i + 1 < compatible.Length && char.IsLetter(compatible[i + 1]))))
            {
                i++;
            }

            var raw = compatible[start..i];
            var first = words.Count;
            AddWord(raw, words);
            if (raw.Length > 1 && char.IsUpper(raw[0]))
            {
                capitalised.Add(words[first]);
            }
        }

        return new GuardText(words, capitalised);
    }

    private static void AddWord(string raw, List<string> words)
    {
        var text = raw.ToLowerInvariant();
        if (text.AsSpan().IndexOfAny('\u2019', '\u2018', '\u02BC') >= 0)
        {
            text = text.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u02BC', '\'');
        }

        var apostrophe = text.IndexOf('\'', StringComparison.Ordinal);
        if (apostrophe < 0)
        {
            words.Add(Canonical(text));
            return;
        }

        if (text.EndsWith("n't", StringComparison.Ordinal))
        {
            var stem = text[..^3];
            words.Add(stem switch { "ca" => "can", "wo" => "will", "sha" => "shall", _ => Canonical(stem) });
            words.Add("not");
            return;
        }

        var ending = text[(apostrophe + 1)..];
        if (GuardWords.Contractions.TryGetValue(ending, out var expanded))
        {
            words.Add(Canonical(text[..apostrophe]));
            words.Add(expanded);
            return;
        }

        words.Add(Canonical(text.Replace("'", string.Empty, StringComparison.Ordinal))); // o'clock, o'brien
    }

    // "five" and "5", "1st" and "first" are the same word.
    private static string Canonical(string word)
    {
        if (GuardWords.Numbers.TryGetValue(word, out var digits))
        {
            return digits;
        }

        var end = 0;
        while (end < word.Length && char.IsAsciiDigit(word[end]))
        {
            end++;
        }

        return end > 0 && end == word.Length - 2 && word[end..] is "st" or "nd" or "rd" or "th" ? word[..end] : word;
    }

    private static void AddNumbers(string word, List<string> numbers)
    {
        var i = 0;
        while (i < word.Length)
        {
            if (!char.IsAsciiDigit(word[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < word.Length && char.IsAsciiDigit(word[i]))
            {
                i++;
            }

            numbers.Add(word[start..i]);
        }
    }

    // Marks belong to their letter: the vowel signs of Devanagari, accents left uncomposed.
    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark;

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '\u02BC';
}
