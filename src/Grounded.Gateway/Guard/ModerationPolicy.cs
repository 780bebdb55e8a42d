namespace Grounded.Gateway.Guard;

/// <summary>
/// The moderation guard's policy prompt, versioned (the version goes into every decision's reason, so a verdict can be
/// traced to the policy that produced it), and how a model's answer to it is read.
/// </summary>
public static class ModerationPolicy
{
    /// <summary>The policy's version: its prompt is <c>Guard/Policies/moderation-policy.v1.md</c>.</summary>
    public const string Version = "moderation-policy.v1";

    /// <summary>The categories the policy defines.</summary>
    public static readonly IReadOnlyList<string> Categories = ["hate", "harassment", "violence", "self-harm", "sexual", "sexual-minors", "illegal", "weapons"];

    private static readonly Lazy<string> Template = new(() =>
    {
        using var stream = typeof(ModerationPolicy).Assembly.GetManifestResourceStream($"Grounded.Gateway.Guard.Policies.{Version}.md")
            ?? throw new InvalidOperationException($"the moderation policy {Version} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>Returns the system prompt that asks for a verdict on <paramref name="categories"/>.</summary>
    internal static string Prompt(IReadOnlyList<string> categories) =>
        Template.Value.Replace("{categories}", string.Join(Environment.NewLine, categories.Select(c => "- " + c)), StringComparison.Ordinal);

    /// <summary>Reads a model's answer: the categories it flagged among <paramref name="categories"/>, empty when safe; null when the answer is neither.</summary>
    internal static IReadOnlyList<string>? Parse(string answer, IReadOnlyList<string> categories)
    {
        var line = answer.Trim().Trim('`', '*', '.').Trim();
        if (line.StartsWith("safe", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        if (!line.StartsWith("unsafe", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var named = line["unsafe".Length..].TrimStart(':', ' ').Split([',', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var flagged = categories.Where(c => named.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();

        // "unsafe" with no category of the list: flagged all the same, under the policy's name.
        return flagged.Count > 0 ? flagged : ["unspecified"];
    }
}
