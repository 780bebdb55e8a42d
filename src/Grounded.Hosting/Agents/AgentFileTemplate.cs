using System.Text.RegularExpressions;

namespace Grounded.Hosting.Agents;

/// <summary>
/// An agent file of a task set as a run gets it: <c>${NAME}</c> replaced by the runner's variables (the test service's URL)
/// or else the environment, and, for a run against another model, its <c>model:</c> line replaced.
/// </summary>
internal static partial class AgentFileTemplate
{
    /// <summary>Returns the file's text with variables filled in and the model set.</summary>
    /// <exception cref="InvalidOperationException">The file names a variable that is neither given nor set in the environment.</exception>
    public static string Fill(string yaml, IReadOnlyDictionary<string, string> variables, string? model)
    {
        var missing = new List<string>();
        var text = Variable().Replace(yaml, m =>
        {
            var name = m.Groups[1].Value;
            var value = variables.GetValueOrDefault(name) ?? Environment.GetEnvironmentVariable(name);
            if (value is null)
            {
                missing.Add(name);
            }

            return value ?? m.Value;
        });
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"the agent file needs {string.Join(", ", missing.Distinct().Select(n => "${" + n + "}"))}: set it in the environment");
        }

        return model is null ? text : ModelLine().Replace(text, "model: " + model);
    }

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Variable();

    [GeneratedRegex(@"^model:.*$", RegexOptions.Multiline)]
    private static partial Regex ModelLine();
}
