using System.Text.RegularExpressions;

namespace Grounded.Prompts;

/// <summary>What a prompt id and an environment name may be: 1–64 lower-case letters, digits, '-', '_' or '.', starting with a letter or digit.</summary>
public static partial class PromptIds
{
    /// <summary>The environment a prompt is resolved in when none is configured.</summary>
    public const string DefaultEnvironment = "production";

    /// <summary>Returns whether <paramref name="name"/> can be a prompt id or an environment name.</summary>
    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
