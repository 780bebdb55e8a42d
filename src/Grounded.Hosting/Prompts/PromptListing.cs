namespace Grounded.Hosting.Prompts;

/// <summary>What <c>prompts list --json</c> prints and <c>GET /v1/prompts</c> returns: the environment the rows' <c>used</c> and <c>scores</c> are of, and one row per prompt.</summary>
/// <param name="Environment">The environment.</param>
/// <param name="Data">One row per prompt id.</param>
public sealed record PromptListing(string Environment, IReadOnlyList<PromptRow> Data);
