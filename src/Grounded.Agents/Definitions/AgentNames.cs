namespace Grounded.Agents.Definitions;

/// <summary>What an agent's name may be: 1–64 lower-case letters, digits, '-' and '_' (it names files, routes and runs).</summary>
public static class AgentNames
{
    /// <summary>Returns whether <paramref name="name"/> is usable as an agent's name.</summary>
    public static bool IsValid(string? name) =>
        name is { Length: > 0 and <= 64 } && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_');
}
