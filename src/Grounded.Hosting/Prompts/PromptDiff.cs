namespace Grounded.Hosting.Prompts;

/// <summary>What changed between two prompt versions (<c>prompts diff --json</c>, <c>GET /v1/prompts/{id}/diff</c>).</summary>
/// <param name="From">The old version's reference.</param>
/// <param name="To">The new version's reference.</param>
/// <param name="Fields">The fields that differ, in file order.</param>
public sealed record PromptDiff(string From, string To, IReadOnlyList<PromptFieldDiff> Fields);
