using System.Diagnostics;

namespace Grounded.Agents.Loop;

/// <summary>The runtime's spans, named as the OpenTelemetry GenAI conventions name them: <c>invoke_agent NAME</c> and <c>execute_tool NAME</c>.</summary>
public static class AgentTelemetry
{
    /// <summary>The name of the activity source (add it to a tracer to collect the spans).</summary>
    public const string SourceName = "Grounded.Agents";

    internal static ActivitySource Source { get; } = new(SourceName);

    internal static Activity? StartRun(AgentRun run)
    {
        var activity = Source.StartActivity($"invoke_agent {run.Agent}", ActivityKind.Internal);
        activity?.SetTag("gen_ai.operation.name", "invoke_agent");
        activity?.SetTag("gen_ai.agent.name", run.Agent);
        activity?.SetTag("gen_ai.agent.id", run.RunId);
        activity?.SetTag("grounded.tenant", run.Tenant);
        return activity;
    }

    internal static Activity? StartTool(string tool, string? callId, int argumentBytes)
    {
        var activity = Source.StartActivity($"execute_tool {tool}", ActivityKind.Internal);
        activity?.SetTag("gen_ai.operation.name", "execute_tool");
        activity?.SetTag("gen_ai.tool.name", tool);
        activity?.SetTag("gen_ai.tool.call.id", callId);
        activity?.SetTag("grounded.tool.argument_bytes", argumentBytes);
        return activity;
    }
}
