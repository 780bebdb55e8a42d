using System.Text.RegularExpressions;
using Grounded.Agents.Definitions;

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
        var (text, missing) = AgentFileVariables.Expand(yaml, name => variables.GetValueOrDefault(name) ?? Environment.GetEnvironmentVariable(name));
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(AgentFileVariables.Problem("the agent file", missing));
        }

        return model is null ? text : ModelLine().Replace(text, "model: " + model);
    }

    [GeneratedRegex(@"^model:.*$", RegexOptions.Multiline)]
    private static partial Regex ModelLine();
}
