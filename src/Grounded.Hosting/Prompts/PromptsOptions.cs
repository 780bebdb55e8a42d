using Grounded.Prompts;

namespace Grounded.Hosting.Prompts;

/// <summary>Where the user's prompts are and which environment's active versions this process uses (<c>prompts:</c>).</summary>
public sealed record PromptsOptions
{
    /// <summary>Gets the user's prompts directory (<c>ID/VERSION.yaml</c> files) added to the built-in prompts; null: the built-in prompts only.</summary>
    /// <value>The default is <c>prompts.dir</c>, else <c>$GROUNDED_PROMPTS_DIR</c>, else <c>./prompts</c> when it holds <c>ID/VERSION.yaml</c> files.</value>
    public string? Directory { get; init; }

    /// <summary>Gets the environment whose active versions are used when a prompt is named without a version.</summary>
    /// <value>The default is <c>production</c> (<c>prompts.environment</c>, or <c>$GROUNDED_ENV</c> over it).</value>
    public string Environment { get; init; } = PromptIds.DefaultEnvironment;
}
