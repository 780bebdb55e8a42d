using System.Text.Json;

namespace Grounded.Testing.Upstream;

/// <summary>
/// Reads steps written as JSON by tests in other languages:
/// <c>{"kind": "ok", "text"?, "delayMs"?}</c>, <c>{"kind": "fail", "status", "retryAfter"?, "message"?, "type"?, "code"?, "param"?}</c>,
/// <c>{"kind": "hang"}</c>, <c>{"kind": "malformed"}</c>, <c>{"kind": "cutStream", "tokens"?}</c>,
/// <c>{"kind": "toolCalls", "calls": [{"name", "arguments", "id"?}], "pieces"?}</c>.
/// </summary>
public static class StepJson
{
    /// <summary>Reads one step.</summary>
    /// <exception cref="FormatException">The JSON is not a step; the message says why.</exception>
    public static Step Parse(JsonElement step)
    {
        if (step.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"a step is a JSON object with a \"kind\", not {step.ValueKind}");
        }

        return String(step, "kind") switch
        {
            "ok" => new Step.Ok(String(step, "text"), TimeSpan.FromMilliseconds(Int(step, "delayMs") ?? 0)),
            "fail" => new Step.Fail(Int(step, "status") ?? throw new FormatException("a fail step needs a \"status\""),
                String(step, "retryAfter"), String(step, "message"), String(step, "type"), String(step, "code"), String(step, "param")),
            "hang" => new Step.Hang(),
            "malformed" => new Step.Malformed(),
            "cutStream" => new Step.CutStream(Int(step, "tokens") ?? 1),
            "slowStream" => new Step.SlowStream(String(step, "text") ?? throw new FormatException("a slowStream step needs a \"text\""), TimeSpan.FromMilliseconds(Int(step, "perTokenMs") ?? 0)),
            "toolCalls" => new Step.ToolCalls(Calls(step), Int(step, "pieces") ?? 3),
            var other => throw new FormatException($"unknown step kind '{other}': ok, fail, hang, malformed, cutStream, slowStream or toolCalls"),
        };
    }

    /// <summary>Reads a step or an array of steps.</summary>
    public static IReadOnlyList<Step> ParseMany(JsonElement steps) =>
        steps.ValueKind == JsonValueKind.Array ? [.. steps.EnumerateArray().Select(Parse)] : [Parse(steps)];

    private static List<ToolCall> Calls(JsonElement step)
    {
        if (!step.TryGetProperty("calls", out var calls) || calls.ValueKind != JsonValueKind.Array || calls.GetArrayLength() == 0)
        {
            throw new FormatException("a toolCalls step needs a non-empty \"calls\" array");
        }

        return [.. calls.EnumerateArray().Select(c => new ToolCall(
            String(c, "name") ?? throw new FormatException("a tool call needs a \"name\""),
            c.TryGetProperty("arguments", out var a) && a.ValueKind != JsonValueKind.String ? a.GetRawText() : String(c, "arguments") ?? "{}",
            String(c, "id")))];
    }

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText() : null;

    private static int? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;
}
