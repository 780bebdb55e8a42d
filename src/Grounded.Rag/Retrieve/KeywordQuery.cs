using System.Text;
using Grounded.Rag.Answer;

namespace Grounded.Rag.Retrieve;

/// <summary>
/// Turns user text into a safe FTS5 query: only letter/digit runs survive, each is double-quoted as a literal term and
/// the terms are OR-ed, so quotes, operators (AND, NEAR, *), parentheses or column filters in the text are never
/// interpreted. Returns null when nothing searchable is left (empty, punctuation- or emoji-only text).
/// </summary>
public static class KeywordQuery
{
    private const int MaxTerms = 48;

    /// <summary>Builds the FTS5 MATCH expression for <paramref name="text"/>, or null when it has no searchable words.</summary>
    public static string? Build(string text)
    {
        var terms = Terms(text);
        return terms.Count == 0 ? null : string.Join(" OR ", terms.Select(t => $"\"{t}\""));
    }

    /// <summary>Returns the searchable words of <paramref name="text"/>: lower-cased letter/digit runs, stop words and repeats removed, at most 48.</summary>
    public static IReadOnlyList<string> Terms(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = new List<string>();
        var word = new StringBuilder();
        foreach (var rune in (text + " ").EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                word.Append(rune.ToString());
                continue;
            }

            if (word.Length > 0)
            {
                var term = word.ToString().ToLowerInvariant();
                word.Clear();
                if (!QueryTerms.StopWords.Contains(term) && !terms.Contains(term))
                {
                    terms.Add(term);
                }
            }
        }

        return terms.Take(MaxTerms).ToList();
    }
}
