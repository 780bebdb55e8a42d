using Grounded.Prompts;

namespace Grounded.Hosting.Prompts;

/// <summary>The prompt version a reference resolved to, and why that one.</summary>
/// <param name="Prompt">The version used.</param>
/// <param name="Why">Why: <c>named version</c>, <c>active in ENV</c>, or <c>no pointer in ENV: built-in default</c> / <c>newest release</c>.</param>
/// <param name="Active">The active pointer it came from; null when none is set.</param>
public sealed record PromptResolution(PromptVersion Prompt, string Why, PromptActivation? Active);
