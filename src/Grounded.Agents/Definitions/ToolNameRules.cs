using System.Text.RegularExpressions;
using Grounded.Agents.Tools;

namespace Grounded.Agents.Definitions;

/// <summary>The rules about tool names: no duplicates, none a model could mistake for another, verb_noun snake_case.</summary>
internal static partial class ToolNameRules
{
    // One-word names that are a whole action on their own ("calculate"); any other one-word name lacks its verb or its object.
    private static readonly HashSet<string> StandaloneVerbs = new(StringComparer.Ordinal)
    {
        "calculate", "compute", "evaluate", "translate", "summarize", "summarise", "search", "classify", "transcribe", "echo", "ping",
    };

    public static IEnumerable<LintFinding> Duplicates(IReadOnlyList<ToolSpec> specs, IReadOnlyList<AgentTool> tools, ToolLines lines)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in specs.OfType<BuiltInToolSpec>().GroupBy(s => s.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            reported.Add(group.Key);
            var where = string.Join(", ", group.Select(s => s.Line).Where(l => l > 0));
            yield return new LintFinding(LintRules.Error, LintRules.DuplicateTool, group.Key,
                $"'{group.Key}' is listed {group.Count()} times{(where.Length > 0 ? $" (lines {where})" : string.Empty)}: keep one entry")
            { Line = group.Skip(1).First().Line };
        }

        foreach (var group in tools.GroupBy(t => t.Name, StringComparer.Ordinal).Where(g => g.Count() > 1 && !reported.Contains(g.Key)))
        {
            var sources = string.Join(", ", group.Select(t => t.Source).Distinct());
            yield return new LintFinding(LintRules.Error, LintRules.DuplicateTool, group.Key,
                $"{group.Count()} tools are named '{group.Key}' (from {sources}): the model cannot tell which it calls; allow only one of them")
            { Line = lines.Of(group.Last()) };
        }
    }

    public static IEnumerable<LintFinding> Ambiguous(IReadOnlyList<AgentTool> tools, ToolLines lines)
    {
        var distinct = tools.DistinctBy(t => t.Name, StringComparer.Ordinal).ToList();
        for (var i = 0; i < distinct.Count; i++)
        {
            for (var j = i + 1; j < distinct.Count; j++)
            {
                var (a, b) = (distinct[i], distinct[j]);
                if (Normalize(a.Name) == Normalize(b.Name))
                {
                    yield return new LintFinding(LintRules.Warning, LintRules.AmbiguousNames, b.Name,
                        $"'{a.Name}' and '{b.Name}' differ only in case, separators or a plural: rename one so the difference says what each does")
                    { Line = lines.Of(b) };
                }
                else if (Similar(a.Function.Description, b.Function.Description))
                {
                    yield return new LintFinding(LintRules.Warning, LintRules.AmbiguousNames, b.Name,
                        $"'{a.Name}' and '{b.Name}' have nearly the same description: say in each when to use it rather than the other")
                    { Line = lines.Of(b) };
                }
            }
        }
    }

    public static IEnumerable<LintFinding> Style(AgentTool tool)
    {
        var name = tool.Name;
        if (name.Length > LintRules.LongestName)
        {
            yield return new LintFinding(LintRules.Error, LintRules.ToolNameStyle, name,
                $"'{name}' is {name.Length} characters long; model providers refuse tool names over {LintRules.LongestName}: shorten it");
        }

        var words = Words(name);
        var snake = string.Join('_', words);
        if (!SnakeCase().IsMatch(name))
        {
            yield return new LintFinding(LintRules.Warning, LintRules.ToolNameStyle, name,
                $"'{name}' is not verb_noun snake_case: call it '{(snake.Length > 0 ? snake : "verb_noun")}' (lower-case words joined by '_')");
        }
        else if (words.Count == 1 && !StandaloneVerbs.Contains(name))
        {
            yield return new LintFinding(LintRules.Warning, LintRules.ToolNameStyle, name,
                $"'{name}' is one word: name the action and what it acts on, e.g. 'get_{name}' or '{name}_items'");
        }
    }

    /// <summary>Returns a name's lower-case words, split at separators and case changes ("getUser-Info" → get, user, info).</summary>
    internal static List<string> Words(string name) =>
        [.. WordPattern().Matches(name).Select(m => m.Value.ToLowerInvariant())];

    // Case, separators and a plural s do not tell two tools apart: get_documents ~ GetDocument ~ get-document.
    private static string Normalize(string name) =>
        string.Join(string.Empty, Words(name).Select(w => w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) ? w[..^1] : w));

    private static bool Similar(string? a, string? b)
    {
        var wordsA = DescriptionWords(a);
        var wordsB = DescriptionWords(b);
        if (wordsA.Count < 3 || wordsB.Count < 3)
        {
            return false;
        }

        var shared = wordsA.Intersect(wordsB).Count();
        return shared >= 0.85 * wordsA.Union(wordsB).Count();
    }

    private static HashSet<string> DescriptionWords(string? text) =>
        [.. DescriptionWordPattern().Matches(text ?? string.Empty).Select(m => m.Value.ToLowerInvariant())];

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();

    [GeneratedRegex("[A-Z]?[a-z]+[0-9]*|[A-Z]+(?![a-z])[0-9]*|[0-9]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"\w+")]
    private static partial Regex DescriptionWordPattern();
}
