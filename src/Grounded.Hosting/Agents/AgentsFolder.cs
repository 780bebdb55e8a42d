namespace Grounded.Hosting.Agents;

/// <summary>The server's agents folder (<c>agents.dir</c>): one <c>NAME.yaml</c> (or <c>.yml</c>) per agent, run by name.</summary>
public static class AgentsFolder
{
    /// <summary>Returns the agent files of <paramref name="directory"/>, by name.</summary>
    public static IReadOnlyList<string> Files(string directory) =>
        [.. Directory.EnumerateFiles(directory).Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    /// <summary>Returns the file of the agent <paramref name="name"/> in <paramref name="directory"/>, or null (also when there is no folder).</summary>
    public static string? Find(string? directory, string name) =>
        directory is null ? null : Files(directory).FirstOrDefault(f => Path.GetFileNameWithoutExtension(f) == name);

    /// <summary>Returns the names of the agents in <paramref name="directory"/>.</summary>
    public static IEnumerable<string> Names(string directory) => Files(directory).Select(Path.GetFileNameWithoutExtension).OfType<string>().Distinct(StringComparer.Ordinal);
}
