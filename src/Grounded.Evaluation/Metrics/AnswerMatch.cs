using System.Text;

namespace Grounded.Evaluation.Metrics;

/// <summary>Whether a gold answer appears in a text, comparing lowercase letter and digit runs only (punctuation, case and spacing ignored).</summary>
public static class AnswerMatch
{
    /// <summary>Returns whether <paramref name="answer"/> appears in <paramref name="text"/> as whole words.</summary>
    public static bool Contains(string text, string answer)
    {
        var gold = Normalize(answer);
        return gold.Length > 2 && Normalize(text).Contains(gold, StringComparison.Ordinal);
    }

    /// <summary>
    /// Returns whether <paramref name="answer"/> appears in <paramref name="text"/> once both are squeezed to their lowercase
    /// letters and digits (no spaces, so it may match across word boundaries): the answer benchmark's contains-gold check.
    /// </summary>
    public static bool ContainsSqueezed(string text, string answer) => Squeeze(text).Contains(Squeeze(answer), StringComparison.Ordinal);

    /// <summary>Returns the lowercase letters and digits of <paramref name="text"/>, nothing else.</summary>
    public static string Squeeze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Returns the text as its lowercase letter/digit runs, each wrapped in single spaces (" a b ").</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 2).Append(' ');
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                builder.Append(Rune.ToLowerInvariant(rune).ToString());
            }
            else if (builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        if (builder[^1] != ' ')
        {
            builder.Append(' ');
        }

        return builder.ToString();
    }
}
