using System.Text.Json;
using Grounded.Access;
using Grounded.Agents.Definitions;
using Grounded.Agents.Tools;
using Microsoft.Extensions.AI;

namespace Grounded.Agents.Tests.Tools;

/// <summary>Calls tools the way the runner does: arguments parsed from the model's JSON, the result turned into text.</summary>
internal static class ToolCalls
{
    public static CallerIdentity Caller(string tenant) => new("key-" + tenant, tenant, Role.Reader, null);

    /// <summary>Returns the model's JSON arguments as MEAI parses them: a dictionary of <see cref="JsonElement"/>s.</summary>
    public static Dictionary<string, object?> Arguments(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, object?>>(json)!;

    public static AgentTool BuiltIn(string name, ToolEnvironment? environment = null, IReadOnlyList<string>? allowHosts = null) =>
        BuiltInTools.Create(new BuiltInToolSpec(name) { AllowHosts = allowHosts ?? [] }, environment ?? new ToolEnvironment(CallerIdentity.Local));

    public static async Task<string> CallAsync(this AgentTool tool, string json, CancellationToken cancellationToken = default) =>
        ToolResults.ToText(await tool.Function.InvokeAsync(new AIFunctionArguments(Arguments(json)), cancellationToken));
}
