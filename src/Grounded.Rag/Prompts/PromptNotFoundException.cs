namespace Grounded.Rag.Prompts;

/// <summary>A prompt reference names no prompt, or no version of it, in the registry.</summary>
public sealed class PromptNotFoundException : ArgumentException
{
    /// <summary>Creates the failure for <paramref name="reference"/> (<c>ID</c> or <c>ID@VERSION</c>).</summary>
    public PromptNotFoundException(string reference, string message)
        : base(message) => Reference = reference;

    /// <summary>Gets the reference as it was written.</summary>
    public string Reference { get; }
}
