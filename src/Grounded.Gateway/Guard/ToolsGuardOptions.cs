namespace Grounded.Gateway.Guard;

/// <summary>The tools allowlist (<c>guards.tools</c>): a request may declare or call only these tools.</summary>
public sealed record ToolsGuardOptions
{
    /// <summary>Gets the names of the tools allowed.</summary>
    public IReadOnlySet<string> Allow { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}
