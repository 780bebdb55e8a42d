using System.Text.RegularExpressions;
using Grounded.Guards;

namespace Grounded.Gateway.Guard;

/// <summary>
/// The toxicity guard's curated lexicon (<c>Guard/Lexicons/toxicity.v1.txt</c>): profanity, insults, threats, sexual terms
/// and slurs, matched case-insensitively on word boundaries in one compiled pass, so <c>Scunthorpe</c> or <c>assistant</c>
/// never match. Each match is a span typed by its category.
/// </summary>
internal sealed class ToxicityLexicon
{
    /// <summary>The lexicon's version, in each decision's reason.</summary>
    public const string Version = "toxicity.v1";

    private readonly Regex _pattern;
    private readonly Dictionary<string, string> _categories;

    private ToxicityLexicon(IReadOnlyList<(string Category, string Term)> entries)
    {
        _categories = entries.GroupBy(e => Normal(e.Term)).ToDictionary(g => g.Key, g => g.First().Category, StringComparer.Ordinal);

        // Longest first, so "motherfucker" wins over "fuck"; \b on each side only where the term starts or ends with a word character.
        var alternatives = entries.Select(e => e.Term).Distinct().OrderByDescending(t => t.Length).Select(Pattern);
        _pattern = new Regex($"(?:{string.Join('|', alternatives)})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
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

        List<GuardSpan>? spans = null;
        for (var match = _pattern.Match(text); match.Success; match = match.NextMatch())
        {
            (spans ??= []).Add(new GuardSpan(match.Index, match.Length, _categories.GetValueOrDefault(Normal(match.Value), "toxicity")));
        }

        return spans ?? (IReadOnlyList<GuardSpan>)[];
    }

    private static string Pattern(string term)
    {
        var body = string.Join(@"\s+", term.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape));
        var start = char.IsLetterOrDigit(term[0]) ? @"\b" : string.Empty;
        var end = char.IsLetterOrDigit(term[^1]) ? @"\b" : string.Empty;

        // A masked letter ('*') is not a word character: such a term is bounded by what is not a word character or '*'.
        return term.Contains('*', StringComparison.Ordinal) ? $@"(?<![\w*]){body}(?![\w*])" : start + body + end;
    }

    private static string Normal(string term) => string.Join(' ', term.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

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
