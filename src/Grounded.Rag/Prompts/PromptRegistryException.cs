namespace Grounded.Rag.Prompts;

/// <summary>The prompt registry could not be loaded: every problem of every file, each prefixed with its file.</summary>
public sealed class PromptRegistryException : ArgumentException
{
    /// <summary>Creates the failure with its <paramref name="problems"/>.</summary>
    public PromptRegistryException(string message, IReadOnlyList<string> problems)
        : base(message) => Problems = problems;

    /// <summary>Gets every problem found.</summary>
    public IReadOnlyList<string> Problems { get; }
}
