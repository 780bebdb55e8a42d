using System.Text.RegularExpressions;

namespace Grounded.Agents.Definitions;

/// <summary>
/// <c>${NAME}</c> in an agent file (a service's URL, a host name), filled from the environment when the file is run: the file
/// stays as written (and is stored so), the values come from where it runs.
/// </summary>
public static partial class AgentFileVariables
{
    /// <summary>Returns <paramref name="yaml"/> with each <c>${NAME}</c> that <paramref name="lookup"/> knows filled in, and the names it does not know.</summary>
    public static (string Text, IReadOnlyList<string> Missing) Expand(string yaml, Func<string, string?> lookup)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(lookup);
        var missing = new List<string>();
        var text = Variable().Replace(yaml, m =>
        {
            if (lookup(m.Groups[1].Value) is { } value)
            {
                return value;
            }

            missing.Add(m.Groups[1].Value);
            return m.Value;
        });
        return (text, [.. missing.Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>Returns the one-line problem of a file that needs variables nobody set.</summary>
    public static string Problem(string file, IReadOnlyList<string> missing) =>
        $"{file}: the agent file needs {string.Join(", ", missing.Select(n => "${" + n + "}"))}: set it in the environment";

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Variable();
}
