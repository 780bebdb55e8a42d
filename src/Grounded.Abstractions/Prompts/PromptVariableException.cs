namespace Grounded.Prompts;

/// <summary>A prompt was rendered without a value for one of its variables.</summary>
public sealed class PromptVariableException : ArgumentException
{
    /// <summary>Creates the failure for <paramref name="variable"/> of <paramref name="prompt"/> (<c>id@version</c>).</summary>
    public PromptVariableException(string prompt, string variable)
        : base($"prompt {prompt} needs the variable '{variable}', which was not given")
    {
        Prompt = prompt;
        Variable = variable;
    }

    /// <summary>Gets the prompt's reference (<c>id@version</c>).</summary>
    public string Prompt { get; }

    /// <summary>Gets the missing variable's name.</summary>
    public string Variable { get; }
}
