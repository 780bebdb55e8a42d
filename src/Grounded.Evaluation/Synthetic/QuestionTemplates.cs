using System.Text.RegularExpressions;

namespace Grounded.Evaluation.Synthetic;

/// <summary>
/// Draws questions from a passage without a model: informative sentences become a wh-question ("X is Y" → "What is
/// X?", answer Y) or a cloze (a number, or a capitalised name, blanked out; the answer is the blanked span). Every
/// answer is a span of the passage, so an extractive answerer can find it.
/// </summary>
public static partial class QuestionTemplates
{
    private const string Blank = "____";

    private static readonly HashSet<string> Vague = new(StringComparer.OrdinalIgnoreCase)
    {
        "it", "this", "that", "these", "those", "there", "they", "he", "she", "we", "you", "i", "which", "what", "who", "here", "one", "each", "all", "some",
    };

    /// <summary>Returns every question the templates can draw from <paramref name="passage"/>, definitions first, then numbers, then names.</summary>
    public static IReadOnlyList<DraftedQuestion> Draft(string passage)
    {
        ArgumentNullException.ThrowIfNull(passage);
        var drafts = new List<DraftedQuestion>();
        foreach (var sentence in Sentences(passage))
        {
            if (Definition(sentence) is { } definition)
            {
                drafts.Add(definition);
            }

            if (Cloze(sentence, NumberPattern(), "number") is { } number)
            {
                drafts.Add(number);
            }

            if (Cloze(sentence, NamePattern(), "name") is { } name)
            {
                drafts.Add(name);
            }
        }

        return [.. drafts.OrderBy(d => d.Kind switch { "definition" => 0, "number" => 1, _ => 2 })];
    }

    /// <summary>Returns the passage's prose sentences of 6 to 40 words: not headings, list markers, tables or code.</summary>
    public static IEnumerable<string> Sentences(string passage)
    {
        ArgumentNullException.ThrowIfNull(passage);
        foreach (var block in passage.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (block.StartsWith('#') || block.StartsWith("```", StringComparison.Ordinal) || block.StartsWith('|') || block.StartsWith("    ", StringComparison.Ordinal))
            {
                continue;
            }

            var prose = Whitespace().Replace(ListMarker().Replace(block, " "), " ").Trim();
            foreach (var sentence in SentenceEnd().Split(prose))
            {
                var s = sentence.Trim();
                var words = s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
                if (words is >= 6 and <= 40 && s.Length > 0 && char.IsUpper(s[0]) && s[^1] is '.' or '!' && !s.Contains('`', StringComparison.Ordinal)
                    && !s.Contains("](", StringComparison.Ordinal) && !s.Contains(Blank, StringComparison.Ordinal))
                {
                    yield return s;
                }
            }
        }
    }

    // "X is Y." → What is X? Y. X is a short noun phrase that opens the sentence, not a pronoun.
    private static DraftedQuestion? Definition(string sentence)
    {
        var match = DefinitionPattern().Match(sentence);
        if (!match.Success)
        {
            return null;
        }

        var subject = match.Groups["subject"].Value.Trim();
        var verb = match.Groups["verb"].Value;
        var answer = match.Groups["rest"].Value.Trim().TrimEnd('.', '!').Trim();
        var head = subject.Split(' ')[^1];
        var firstWord = subject.Split(' ')[0];
        if (Vague.Contains(head) || Vague.Contains(firstWord) || answer.Split(' ').Length is < 2 or > 25
            || answer.StartsWith("not ", StringComparison.OrdinalIgnoreCase) || subject.Any(char.IsDigit))
        {
            return null;
        }

        var article = match.Groups["article"].Value;
        var noun = article.Equals("The ", StringComparison.Ordinal) ? "the " + subject : subject;
        return new DraftedQuestion($"What {verb} {noun}?", answer, "definition");
    }

    private static DraftedQuestion? Cloze(string sentence, Regex pattern, string kind)
    {
        var match = pattern.Matches(sentence).FirstOrDefault(m => m.Index > 0);
        if (match is null)
        {
            return null;
        }

        var question = string.Concat(sentence.AsSpan(0, match.Index), Blank, sentence.AsSpan(match.Index + match.Length));
        return new DraftedQuestion($"Fill in the blank: {question}", match.Value, kind);
    }

    [GeneratedRegex(@"^(?<article>The |An |A )?(?<subject>[A-Za-z][\w\-]*(?: [\w\-]+){0,4}?) (?<verb>is|are) (?<rest>(?:a|an|the|one|used|how|what|when|where|made)\b.+)$")]
    private static partial Regex DefinitionPattern();

    // A number, with its decimals, thousands separators and a unit or percent sign stuck to it; not part of a word or version string.
    [GeneratedRegex(@"(?<![\w.])\d[\d,]*(?:\.\d+)?(?:%|ms|s|x|k|m|MB|GB)?(?![\w.]\w)")]
    private static partial Regex NumberPattern();

    // Two or more capitalised words in a row (a name), not at the sentence's start.
    [GeneratedRegex(@"(?<![\w])[A-Z][a-zA-Z]+(?: (?:of |de |the )?[A-Z][a-zA-Z]+)+")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"(?m)^\s*(?:[-*+]|\d+\.)\s+")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
