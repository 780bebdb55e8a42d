using System.Collections.Frozen;

namespace Grounded.Guards.Pii;

/// <summary>The street words of <see cref="StreetWords"/> as lists, for the quick checks that decide where the patterns run.</summary>
internal static class StreetLexicon
{
    private static readonly string[] Endings = Words(StreetWords.Endings + "|u.|kapu");
    private static readonly FrozenSet<string> EndingSet = Endings.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly int LongestEnding = Endings.Max(e => e.Length);
    private static readonly string[] Prefixes = Words(StreetWords.Prefixes);
    /// <summary>Gets the street suffixes as words ("Street", "Pass", "Greens"), compared with case.</summary>
    public static FrozenSet<string> Suffixes { get; } = Expand(StreetWords.Suffixes).ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> SuffixesAnyCase = Expand(StreetWords.Suffixes).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string> Particles = StreetPatterns.Particles.Split('|').ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> PrefixSet = Prefixes.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Returns whether the word ends like a compound street name ("Populierenstraat", "Laukaantie").</summary>
    public static bool EndsCompound(ReadOnlySpan<char> word)
    {
        var lookup = EndingSet.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var length = Math.Min(word.Length, LongestEnding); length >= 2; length--)
        {
            if (lookup.Contains(word[^length..]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns whether the word (without a trailing period) is a street suffix; with <paramref name="cased"/>, written as the list writes it ("St", not "st").</summary>
    public static bool IsSuffix(ReadOnlySpan<char> word, bool cased) =>
        (cased ? Suffixes : SuffixesAnyCase).GetAlternateLookup<ReadOnlySpan<char>>().Contains(word.TrimEnd('.'));

    /// <summary>Returns whether the word is a street word that comes first ("Rue", "via", "ul.").</summary>
    public static bool IsPrefix(ReadOnlySpan<char> word) => PrefixSet.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    /// <summary>Returns whether the word may stand in a capitalised name: capitalised, or a particle ("de", "van").</summary>
    public static bool IsNameWord(ReadOnlySpan<char> word) => word.Length > 0 && (char.IsUpper(word[0]) || Particles.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word));

    /// <summary>Returns whether one of the words (separated by spaces or commas) is a street word that comes first ("Rue", "Via", "ul.").</summary>
    public static bool HasPrefixWord(ReadOnlySpan<char> words)
    {
        var lookup = PrefixSet.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var range in words.SplitAny(" ,"))
        {
            if (lookup.Contains(words[range]))
            {
                return true;
            }
        }

        return false;
    }

    // "Bluffs?" stands for Bluff and Bluffs, "Harbou?rs?" for Harbor, Harbour, Harbors and Harbours.
    private static IEnumerable<string> Expand(string alternation)
    {
        foreach (var word in alternation.Split('|'))
        {
            IEnumerable<string> forms = [string.Empty];
            for (var i = 0; i < word.Length; i++)
            {
                var c = word[i];
                var optional = i + 1 < word.Length && word[i + 1] == '?';
                forms = optional ? forms.SelectMany(f => new[] { f, f + c }) : forms.Select(f => f + c);
                i += optional ? 1 : 0;
            }

            foreach (var form in forms)
            {
                yield return form;
            }
        }
    }

    private static string[] Words(string alternation) =>
        alternation.Replace("\\.", ".", StringComparison.Ordinal).Split('|').Select(w => w.TrimEnd('?')).Distinct(StringComparer.Ordinal).ToArray();
}
