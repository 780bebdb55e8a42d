namespace Grounded.Prompts;

/// <summary>A prompt's active pointer changed between reading it and switching it (another promote or rollback won): read it again and retry.</summary>
public sealed class PromptConflictException : InvalidOperationException
{
    /// <summary>Creates the failure for <paramref name="id"/> in <paramref name="environment"/>.</summary>
    public PromptConflictException(string id, string environment)
        : base($"the active version of {id} in {environment} changed concurrently (another promote or rollback switched it first): nothing was switched; check `grounded prompts history {id}` and retry")
        => (Id, Environment) = (id, environment);

    /// <summary>Gets the prompt's id.</summary>
    public string Id { get; }

    /// <summary>Gets the environment.</summary>
    public string Environment { get; }
}
