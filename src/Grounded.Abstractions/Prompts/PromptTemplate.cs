using System.Text.RegularExpressions;

namespace Grounded.Prompts;

/// <summary>A prompt's two templates, with <c>{{name}}</c> placeholders (spaces inside the braces allowed).</summary>
/// <param name="System">The system message; empty when the prompt has none.</param>
/// <param name="User">The user message.</param>
public sealed partial record PromptTemplate(string System, string User)
{
    /// <summary>Returns the placeholder names <paramref name="template"/> uses, each once, in order of first use.</summary>
    public static IReadOnlyList<string> Placeholders(string template) =>
        [.. Placeholder().Matches(template ?? string.Empty).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Returns <paramref name="template"/> with each placeholder replaced by its value in one pass (a value holding
    /// <c>{{x}}</c> is left as written); a placeholder without a value is kept.
    /// </summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return Placeholder().Replace(template ?? string.Empty, m => variables.TryGetValue(m.Groups["name"].Value, out var value) ? value : m.Value);
    }

    /// <summary>Returns the names both templates use.</summary>
    public IReadOnlyList<string> Placeholders() => [.. Placeholders(System).Concat(Placeholders(User)).Distinct(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\{\s*(?<name>[A-Za-z_][A-Za-z0-9_.-]*)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
