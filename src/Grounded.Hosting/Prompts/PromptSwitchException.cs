namespace Grounded.Hosting.Prompts;

/// <summary>A promotion or rollback that cannot be made as asked (nothing to roll back to, a version not in the registry).</summary>
public sealed class PromptSwitchException(string message) : ArgumentException(message);
