namespace Grounded.Hosting.Prompts;

/// <summary>One field that differs between two prompt versions, as unified diff lines (' ' kept, '-' removed, '+' added).</summary>
/// <param name="Field">The field, e.g. <c>template.user</c>.</param>
/// <param name="Lines">The diff's lines.</param>
public sealed record PromptFieldDiff(string Field, IReadOnlyList<string> Lines);
