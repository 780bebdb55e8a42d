namespace Grounded.Hosting.Config;

/// <summary>Reads <c>agents:</c> (<c>dir</c>), with <c>$GROUNDED_AGENTS_DIR</c> over the file; <c>./agents</c> when neither names one and it exists.</summary>
internal static class AgentsConfig
{
    public const string DirectoryVariable = "GROUNDED_AGENTS_DIR";
    public const string DefaultDirectory = "agents";

    public static string? Validate(AgentsDocument d, IDictionary<string, string?> environment, List<string> problems)
    {
        var directory = environment.TryGetValue(DirectoryVariable, out var dir) && !string.IsNullOrWhiteSpace(dir) ? dir : d.Dir;
        if (directory is not null && !Directory.Exists(directory))
        {
            problems.Add($"agents.dir: the directory '{directory}' does not exist");
            return null;
        }

        return Path.GetFullPath(directory ?? DefaultDirectory) is var full && Directory.Exists(full) ? full : null;
    }
}
