using System.Globalization;
using Grounded.Agents;
using Grounded.Agents.Loop;
using Grounded.Cli.Output;
using Spectre.Console;

namespace Grounded.Cli.Commands;

/// <summary>How a run is shown: its JSON (the same object as <c>/v1/agent-runs</c>), or a transcript; and its exit code.</summary>
internal static class AgentOutput
{
    public static int Show(AgentRun run, bool json)
    {
        if (json)
        {
            JsonOutput.Write(run);
        }
        else
        {
            Transcript(run);
        }

        return run.Status switch
        {
            AgentRunStatus.Completed => ExitCodes.Success,
            AgentRunStatus.WaitingApproval => ExitCodes.AgentWaiting,
            _ => ExitCodes.AgentStopped,
        };
    }

    public static void Transcript(AgentRun run)
    {
        var o = CliConsole.Out;
        o.MarkupLine(Markup.Escape($"run {run.RunId} of {run.Agent}: {run.Task}"));
        foreach (var step in run.Steps)
        {
            var cost = step.Usd > 0 ? string.Create(CultureInfo.InvariantCulture, $" ${step.Usd:0.######}") : string.Empty;
            var line = step.Kind switch
            {
                AgentStepKinds.Model => $"{step.N,3}. model {step.Model} ({step.Ms} ms{cost}) -> {(step.Calls is { Count: > 0 } calls ? "calls " + string.Join(", ", calls) : "answers")}",
                AgentStepKinds.Tool => $"{step.N,3}. tool {step.Tool}({step.Arguments?.GetRawText()}) ({step.Ms} ms, {step.ArgumentBytes} B in, {step.ResultBytes} B out{cost}){(step.Error is null ? string.Empty : " error: " + step.Error)}",
                _ => $"{step.N,3}. {step.Decision} {step.Tool ?? "the answer"} by {step.Actor}",
            };
            o.MarkupLine(Markup.Escape(line));
            if (step.Kind == AgentStepKinds.Tool && step.Error is null && step.Result is { } result)
            {
                o.MarkupLine("[grey]" + Markup.Escape("     " + (result.Length > 300 ? result[..300] + "…" : result).ReplaceLineEndings(" ")) + "[/]");
            }
        }

        if (run.Pending is { } pending)
        {
            o.MarkupLine(Markup.Escape($"waiting for approval: {pending.Reason}{(pending.Tool is null ? string.Empty : $" — {pending.Tool}({pending.Arguments?.GetRawText()})")}"));
            o.MarkupLine(Markup.Escape($"  grounded agent approve {run.RunId}   or   grounded agent reject {run.RunId}"));
        }

        if (run.Answer is { } answer)
        {
            o.WriteLine();
            o.WriteLine(answer);
        }

        o.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{run.Status} ({run.ExitReason ?? "paused"}){(run.Error is null ? string.Empty : ": " + run.Error)}; {run.Usage.ModelCalls} model calls, {run.Usage.ToolCalls} tool calls, {run.Usage.TotalTokens} tokens, ${run.CostUsd:0.######}")));
    }
}
