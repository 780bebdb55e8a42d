using System.Text;
using System.Text.Json;
using Grounded.Agents.Definitions;
using Grounded.Agents.Tools;
using Microsoft.Extensions.AI;

namespace Grounded.Agents.Loop;

/// <summary>
/// Runs one tool call the way every call runs: arguments the tool does not take are dropped (and the model told), the rest
/// are checked against the tool's JSON schema, the tool gets its own timeout, and whatever happens — an invalid call, a
/// failure, a timeout — comes back to the model as an error result, never as an exception out of the run.
/// </summary>
internal static class ToolInvoker
{
    /// <summary>Runs <paramref name="call"/> with <paramref name="tool"/> (null: the agent has no tool of that name; <paramref name="names"/> are the ones it has); <paramref name="arguments"/> is the call's arguments as JSON, as the step records them.</summary>
    public static async Task<ToolCallOutcome> InvokeAsync(AgentTool? tool, FunctionCallContent call, JsonElement? arguments, AgentCaps caps, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var argumentBytes = arguments is { } json ? Encoding.UTF8.GetByteCount(json.GetRawText()) : 2;
        if (tool is null)
        {
            return Failed($"there is no tool '{call.Name}' for this agent; call one of: {string.Join(", ", names.Order(StringComparer.Ordinal))}", argumentBytes);
        }

        var (known, ignored) = Known(tool.Function, call.Arguments);
        if (ToolArguments.Validate(tool.Function, known) is { } invalid)
        {
            return Failed($"invalid arguments for {call.Name}: {invalid}", argumentBytes);
        }

        using var activity = AgentTelemetry.StartTool(call.Name, call.CallId, argumentBytes);
        var timeout = tool.Timeout ?? caps.ToolTimeout;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        string text;
        try
        {
            text = ToolResults.ToText(await tool.Function.InvokeAsync(new AIFunctionArguments(known), limit.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            activity?.SetTag("error.type", "timeout");
            return Failed($"{call.Name} did not finish within {timeout.TotalSeconds:0.###}s and was stopped", argumentBytes);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            activity?.SetTag("error.type", e.GetType().Name);
            return Failed($"{call.Name} failed: {ToolResults.OneLine(e.Message)}", argumentBytes);
        }

        if (ignored.Count > 0 && !ToolResults.IsError(text))
        {
            text = $"{text}\n(ignored arguments {call.Name} does not take: {string.Join(", ", ignored)})";
        }

        var (shown, _, bytes) = ToolResults.Cap(text, caps.MaxResultChars);
        activity?.SetTag("grounded.tool.result_bytes", bytes);
        // A tool that reports its own failure (an error result) shows it as the step's error too.
        var error = ToolResults.IsError(text) ? ToolResults.OneLine(text[ToolResults.ErrorPrefix.Length..]) : null;
        return new ToolCallOutcome(shown, error, argumentBytes, bytes);
    }

    // The arguments the tool's schema names; the others (a model's stray extras) are dropped and reported, not failed on.
    private static (Dictionary<string, object?> Known, List<string> Ignored) Known(AIFunction function, IDictionary<string, object?>? arguments)
    {
        var known = new Dictionary<string, object?>(StringComparer.Ordinal);
        var ignored = new List<string>();
        var properties = function.JsonSchema.ValueKind == JsonValueKind.Object && function.JsonSchema.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object
            ? p.EnumerateObject().Select(o => o.Name).ToHashSet(StringComparer.Ordinal) : null;
        foreach (var (name, value) in arguments ?? new Dictionary<string, object?>())
        {
            if (properties is null || properties.Contains(name))
            {
                known[name] = value;
            }
            else
            {
                ignored.Add(name);
            }
        }

        return (known, ignored);
    }

    private static ToolCallOutcome Failed(string message, int argumentBytes) => new(ToolResults.Error(message), message, argumentBytes, 0);

}
