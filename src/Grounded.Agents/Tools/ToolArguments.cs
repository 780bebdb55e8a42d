using Microsoft.Extensions.AI;

namespace Grounded.Agents.Tools;

// Placeholder until argument validation lands (same issue).
internal static class ToolArguments
{
    public static string? Validate(AIFunction function, IReadOnlyDictionary<string, object?>? arguments) => null;
}
