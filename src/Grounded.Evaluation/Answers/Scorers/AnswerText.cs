using System.Text;
using System.Text.RegularExpressions;

namespace Grounded.Evaluation.Answers;

/// <summary>How answer texts are compared: citation markers removed, then SQuAD's normalisation (lowercase, no punctuation, no articles, single spaces).</summary>
public static partial class AnswerText
{
    private static readonly HashSet<string> Articles = new(StringComparer.Ordinal) { "a", "an", "the" };

    /// <summary>Returns <paramref name="text"/> without its <c>[n]</c> citation markers (also <c>[1, 2]</c>).</summary>
    public static string StripCitations(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Markers().Replace(text, string.Empty);
    }

    /// <summary>Returns the SQuAD-normalised text: lowercase, punctuation removed, the articles a/an/the removed, whitespace collapsed.</summary>
    public static string Normalize(string text) => string.Join(' ', Tokens(text));

    /// <summary>Returns the SQuAD-normalised tokens of <paramref name="text"/>.</summary>
    public static IReadOnlyList<string> Tokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            // SQuAD drops punctuation without a space ("don't" -> "dont"); symbols too.
            if (!char.IsPunctuation(c) && !char.IsSymbol(c))
            {
                builder.Append(char.IsWhiteSpace(c) ? ' ' : c);
            }
        }

        return builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => !Articles.Contains(t)).ToList();
    }

    [GeneratedRegex(@"\s?\[\d+(?:\s*,\s*\d+)*\]")]
    private static partial Regex Markers();
}
