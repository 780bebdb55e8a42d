using Grounded.Guards;

namespace Grounded.Gateway.Guard;

/// <summary>
/// The toxicity guard's curated lexicon (<c>Guard/Lexicons/toxicity.v1.txt</c>): profanity, insults, threats, sexual terms
/// and slurs. The text is read word by word (a word: letters, digits, and the <c>*</c> and <c>'</c> inside it) and each
/// word, or run of words separated by white space, is looked up case-insensitively, the longest term first: a term never
/// matches inside a word (<c>Scunthorpe</c>, <c>assistant</c>), and the cost is a hash lookup per word, whatever the
/// lexicon's size. Each match is a span typed by its category.
/// </summary>
internal sealed class ToxicityLexicon
{
    /// <summary>The lexicon's version, in each decision's reason.</summary>
    public const string Version = "toxicity.v1";

    // Single words by themselves (looked up as spans: no string per word), and the terms of several words by their first word, longest first.
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _single;
    private readonly Dictionary<string, (string[] Following, string Category)[]>.AlternateLookup<ReadOnlySpan<char>> _multi;

    private ToxicityLexicon(IReadOnlyList<(string Category, string Term)> entries)
    {
        var single = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var multi = new Dictionary<string, List<(string[] Following, string Category)>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (category, term) in entries)
        {
            var words = term.Replace('’', '\'').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 1)
            {
                single.TryAdd(words[0], category);
            }
            else
            {
                (multi.TryGetValue(words[0], out var list) ? list : multi[words[0]] = []).Add((words[1..], category));
            }
        }

        _single = single.GetAlternateLookup<ReadOnlySpan<char>>();
        _multi = multi.ToDictionary(m => m.Key, m => m.Value.OrderByDescending(t => t.Following.Length).ToArray(), StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Gets the shipped lexicon.</summary>
    public static ToxicityLexicon Default { get; } = Load();

    /// <summary>Returns the lexicon terms in <paramref name="text"/>: positions and categories, never the words.</summary>
    public IReadOnlyList<GuardSpan> Find(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var words = Words(text);
        List<GuardSpan>? spans = null;
        for (var i = 0; i < words.Count; i++)
        {
            var first = text.AsSpan(words[i].Start, words[i].Length);
            var (count, category) = _multi.TryGetValue(first, out var terms) ? Longest(text, words, i, terms) : (0, null);
            if (count == 0 && _single.TryGetValue(first, out var alone))
            {
                (count, category) = (1, alone);
            }

            if (count > 0)
            {
                var end = words[i + count - 1].Start + words[i + count - 1].Length;
                (spans ??= []).Add(new GuardSpan(words[i].Start, end - words[i].Start, category!));
                i += count - 1;
            }
        }

        return spans ?? (IReadOnlyList<GuardSpan>)[];
    }

    // The longest term of several words that starts at word `first` (its words separated by white space only), as a word count.
    private static (int Count, string? Category) Longest(string text, List<(int Start, int Length)> words, int first, (string[] Following, string Category)[] terms)
    {
        foreach (var (rest, category) in terms)
        {
            if (first + rest.Length >= words.Count || !SeparatedByWhiteSpace(text, words, first, rest.Length + 1))
            {
                continue;
            }

            var match = true;
            for (var w = 0; w < rest.Length && match; w++)
            {
                var word = words[first + 1 + w];
                match = text.AsSpan(word.Start, word.Length).Equals(rest[w], StringComparison.OrdinalIgnoreCase);
            }

            if (match)
            {
                return (rest.Length + 1, category);
            }
        }

        return (0, null);
    }

    // Words: runs of letters, digits, '*' and apostrophes, without the apostrophes or '*' that open or close them ('idiot').
    private static List<(int Start, int Length)> Words(string text)
    {
        var words = new List<(int, int)>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !IsWordChar(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && IsWordChar(text[i]))
            {
                i++;
            }

            var (s, e) = (start, i);
            while (s < e && !char.IsLetterOrDigit(text[s]))
            {
                s++;
            }

            while (e > s && !char.IsLetterOrDigit(text[e - 1]))
            {
                e--;
            }

            if (e > s)
            {
                words.Add((s, e - s));
            }
        }

        return words;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '*' or '\'' or '’';

    private static bool SeparatedByWhiteSpace(string text, List<(int Start, int Length)> words, int first, int count)
    {
        for (var w = first; w < first + count - 1; w++)
        {
            for (var c = words[w].Start + words[w].Length; c < words[w + 1].Start; c++)
            {
                if (!char.IsWhiteSpace(text[c]))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static ToxicityLexicon Load()
    {
        using var stream = typeof(ToxicityLexicon).Assembly.GetManifestResourceStream($"Grounded.Gateway.Guard.Lexicons.{Version}.txt")
            ?? throw new InvalidOperationException($"the lexicon {Version} is not embedded");
        using var reader = new StreamReader(stream);
        var entries = new List<(string, string)>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#' && line.Split('\t') is [var category, var term] && term.Trim().Length > 0)
            {
                entries.Add((category.Trim(), term.Trim()));
            }
        }

        return new ToxicityLexicon(entries);
    }
}
