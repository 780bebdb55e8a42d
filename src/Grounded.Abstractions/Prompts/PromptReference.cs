namespace Grounded.Prompts;

/// <summary>A reference to a registry prompt as written: <c>ID</c> (the active or newest version) or <c>ID@VERSION</c>.</summary>
/// <param name="Id">The prompt's id.</param>
/// <param name="Version">The version asked for; null for the active (else newest) one.</param>
public sealed record PromptReference(string Id, SemVersion? Version)
{
    /// <summary>Reads <c>ID</c> or <c>ID@VERSION</c>; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static PromptReference Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.IndexOf('@', StringComparison.Ordinal);
        var id = (at < 0 ? text : text[..at]).Trim();
        if (!PromptIds.IsValid(id))
        {
            throw new FormatException($"'{text}' does not name a prompt: write ID or ID@VERSION (an id is lower-case letters, digits, '-', '_' or '.')");
        }

        return at < 0 ? new PromptReference(id, null) : new PromptReference(id, SemVersion.TryParse(text[(at + 1)..].Trim())
            ?? throw new FormatException($"'{text}': '{text[(at + 1)..]}' is not a semantic version (write ID@MAJOR.MINOR.PATCH, e.g. {id}@1.0.0)"));
    }

    /// <inheritdoc />
    public override string ToString() => Version is null ? Id : $"{Id}@{Version}";
}
