using Grounded.Rag.Prompts;
using YamlDotNet.RepresentationModel;

namespace Grounded.Agents.Definitions;

/// <summary>Reads <c>workflow:</c> (<c>{ mode: sequential, agents: [writer.yaml, reviewer.yaml] }</c>).</summary>
internal static class WorkflowReader
{
    private static readonly string[] Modes = [WorkflowModes.Sequential, WorkflowModes.Concurrent, WorkflowModes.Handoff];

    public static WorkflowSpec? Read(YamlMappingNode root, PromptYamlFields f, Action<string> problem)
    {
        if (f.Map(root, "workflow", "{mode: sequential, agents: [a.yaml, b.yaml]}") is not { } map)
        {
            return null;
        }

        f.Known(map, "workflow.", "mode", "agents");
        var mode = f.Text(map, "mode", "workflow.mode") ?? WorkflowModes.Sequential;
        var agents = f.List(map, "agents") ?? [];
        if (!Modes.Contains(mode, StringComparer.Ordinal))
        {
            problem($"line {map.Start.Line}: workflow.mode '{mode}' is not one of {string.Join(", ", Modes)}");
        }

        if (agents.Count < 1)
        {
            problem($"line {map.Start.Line}: workflow.agents must list the specialists' files (at least one)");
        }

        return new WorkflowSpec(mode, agents);
    }
}
