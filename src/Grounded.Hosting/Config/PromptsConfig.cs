using Grounded.Hosting.Prompts;
using Grounded.Prompts;

namespace Grounded.Hosting.Config;

/// <summary>Reads <c>prompts:</c> (<c>dir</c>, <c>environment</c>), with <c>$GROUNDED_PROMPTS_DIR</c> and <c>$GROUNDED_ENV</c> over the file.</summary>
internal static class PromptsConfig
{
    public const string DirectoryVariable = "GROUNDED_PROMPTS_DIR";
    public const string EnvironmentVariable = "GROUNDED_ENV";
    public const string DefaultDirectory = "prompts";

    // ./prompts is adopted only when it looks like a registry (some ID/VERSION.yaml file): a project's unrelated prompts/
    // folder must not make every command fail on files that were never meant for Grounded.
    internal static string? Adopted(string directory) =>
        Directory.Exists(directory)
        && Directory.EnumerateDirectories(directory).Any(id => Directory.EnumerateFiles(id).Any(f =>
            (f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            && SemVersion.TryParse(Path.GetFileNameWithoutExtension(f)) is not null))
            ? directory : null;

    public static PromptsOptions Validate(PromptsDocument d, IDictionary<string, string?> environment, List<string> problems)
    {
        var named = environment.TryGetValue(EnvironmentVariable, out var env) && !string.IsNullOrWhiteSpace(env) ? env.Trim() : d.Environment;
        if (named is not null && !PromptIds.IsValid(named))
        {
            problems.Add($"prompts.environment: '{named}' is not a usable environment name (lower-case letters, digits, '-', '_' or '.', e.g. production)");
        }

        var directory = environment.TryGetValue(DirectoryVariable, out var dir) && !string.IsNullOrWhiteSpace(dir) ? dir : d.Dir;
        if (directory is not null && !Directory.Exists(directory))
        {
            problems.Add($"prompts.dir: the directory '{directory}' does not exist");
        }

        return new PromptsOptions
        {
            Directory = directory ?? Adopted(DefaultDirectory),
            Environment = named ?? PromptIds.DefaultEnvironment,
        };
    }
}
