namespace Grounded.Prompts;

/// <summary>
/// One version of a registry prompt (<c>prompts/ID/VERSION.yaml</c>): who wrote it and why, the model and parameters it
/// is meant for, its named variables and its system and user templates with <c>{{name}}</c> placeholders, and the
/// evaluation that gates its promotion.
/// </summary>
/// <param name="Id">The prompt's id, e.g. <c>grounded-answer</c>.</param>
/// <param name="Version">The version.</param>
/// <param name="Template">The system and user templates.</param>
public sealed record PromptVersion(string Id, SemVersion Version, PromptTemplate Template)
{
    /// <summary>Gets who wrote this version.</summary>
    public string Author { get; init; } = string.Empty;

    /// <summary>Gets what this version is for and what changed.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>Gets the configured model or route the prompt is written for; null: the caller's.</summary>
    public string? Model { get; init; }

    /// <summary>Gets the model parameters (each null when the prompt leaves it to the caller).</summary>
    public PromptParameters Parameters { get; init; } = new();

    /// <summary>Gets the names of the variables the templates use.</summary>
    public IReadOnlyList<string> Variables { get; init; } = [];

    /// <summary>Gets the evaluation that gates promotion; null when the prompt has none.</summary>
    public PromptEvaluation? Evaluation { get; init; }

    /// <summary>Gets where the version was read from: a file path, or <c>builtin:ID/VERSION.yaml</c>.</summary>
    public string Source { get; init; } = string.Empty;

    /// <summary>Gets the reference recorded everywhere the prompt is used: <c>id@version</c>.</summary>
    public string Reference => $"{Id}@{Version}";

    /// <summary>Returns the system and user messages with every variable replaced; throws <see cref="PromptVariableException"/> naming a variable not given.</summary>
    public (string System, string User) Render(IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        foreach (var name in Variables)
        {
            if (!variables.ContainsKey(name))
            {
                throw new PromptVariableException(Reference, name);
            }
        }

        return (PromptTemplate.Fill(Template.System, variables), PromptTemplate.Fill(Template.User, variables));
    }
}
