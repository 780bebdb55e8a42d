using System.Text.RegularExpressions;

namespace Grounded.Guards.Text;

/// <summary>
/// Reads words written in leetspeak (<c>1gn0r3 4ll pr3v10u5</c>) as letters. A word is read so when a digit or symbol
/// sits between its letters; once a text has such a word, words that merely start or end with one are read too (the
/// <c>4ll</c> beside <c>1gn0r3</c>), while a text of plain numbers and version strings keeps them.
/// </summary>
internal static partial class Leetspeak
{
    /// <summary>Returns <paramref name="source"/> with its leet words read as letters, adding what it did to <paramref name="done"/>.</summary>
    public static MappedText Undo(MappedText source, ISet<string> done)
    {
        var text = source.Text;
        // Longer runs are identifiers, keys and hashes, not words; so are mostly-capital ones (H1N1, MC3T3, IFITM5).
        var words = Word().Matches(text).Where(m => m.Length <= 24 && Letters(m.Value) >= 2 && m.Value.Any(IsLeet)
            && m.Value.Count(char.IsAsciiLetterLower) > m.Value.Count(char.IsAsciiLetterUpper)).ToList();
        var disguised = words.Where(m => HasInnerLeet(m.Value) || m.Value.StartsWith('$')).ToList();
        if (disguised.Count == 0)
        {
            return source;
        }

        var builder = new MappedText.Builder(source);
        var at = 0;
        foreach (var word in words)
        {
            if (!HasInnerLeet(word.Value) && !word.Value.StartsWith('$') && disguised.Count < 2 && !Adjacent(word, disguised))
            {
                continue;
            }

            for (var i = 0; i < word.Length; i++)
            {
                var c = word.Value[i];
                if (!IsLeet(c))
                {
                    continue;
                }

                var p = word.Index + i;
                builder.Copy(at, p - at);
                builder.Replace(p, 1, [Letter(word.Value, i)]);
                at = p + 1;
            }
        }

        builder.Copy(at, text.Length - at);
        done.Add(TextTransformations.Leetspeak);
        return builder.Build();
    }

    private static bool IsLeet(char c) => c is '0' or '1' or '3' or '4' or '5' or '7' or '$' or '@';

    private static int Letters(string word) => word.Count(char.IsAsciiLetter);

    private static bool HasInnerLeet(string word)
    {
        var firstLetter = word.IndexOf(word.First(char.IsAsciiLetter));
        var lastLetter = word.LastIndexOf(word.Last(char.IsAsciiLetter));
        for (var i = firstLetter + 1; i < lastLetter; i++)
        {
            if (IsLeet(word[i]) && word[i] != '@')
            {
                return true;
            }
        }

        return false;
    }

    // A lone edge-leet word next to a disguised one ("4ll" before "pr3v10u5") is part of the same disguise.
    private static bool Adjacent(Match word, List<Match> disguised) =>
        disguised.Any(d => Math.Abs(d.Index - (word.Index + word.Length)) <= 2 || Math.Abs(word.Index - (d.Index + d.Length)) <= 2);

    // 1 is an l beside another l or 1 ("a11", "he11o"), else an i.
    private static char Letter(string word, int i) => word[i] switch
    {
        '0' => 'o',
        '1' => (i > 0 && word[i - 1] is 'l' or 'L' or '1') || (i + 1 < word.Length && word[i + 1] is 'l' or 'L' or '1') ? 'l' : 'i',
        '3' => 'e',
        '4' or '@' => 'a',
        '5' or '$' => 's',
        '7' => 't',
        _ => word[i],
    };

    [GeneratedRegex(@"[A-Za-z0-9@$]+")]
    private static partial Regex Word();
}
