using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grounded.Agents.Loop;

/// <summary>
/// One step of a run: a model call (<c>model</c>), a tool call (<c>tool</c>), or a person's decision (<c>approval</c>), with
/// how long it took and what it cost.
/// </summary>
/// <param name="N">The step's number, from 1.</param>
/// <param name="Kind">What the step was (<see cref="AgentStepKinds"/>).</param>
public sealed record AgentStep(int N, string Kind)
{
    /// <summary>Gets the specialist that took the step, in a multi-agent run; null in a single agent's run.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Agent { get; init; }

    /// <summary>Gets the tool called (a <c>tool</c> or <c>approval</c> step), or null.</summary>
    public string? Tool { get; init; }

    /// <summary>Gets the arguments the tool was called with, as the model wrote them, or null.</summary>
    public JsonElement? Arguments { get; init; }

    /// <summary>Gets how long the step took, in milliseconds.</summary>
    public long Ms { get; init; }

    /// <summary>Gets what the step cost, in dollars.</summary>
    public decimal Usd { get; init; }

    /// <summary>Gets the model that answered (a <c>model</c> step).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Model { get; init; }

    /// <summary>Gets the tool calls the model asked for (a <c>model</c> step), by name.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Calls { get; init; }

    /// <summary>Gets the model's text (a <c>model</c> step that answered), or null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Text { get; init; }

    /// <summary>Gets the result the model was shown (a <c>tool</c> step), cut to the agent's cap.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Result { get; init; }

    /// <summary>Gets the size of the arguments in bytes (a <c>tool</c> step).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? ArgumentBytes { get; init; }

    /// <summary>Gets the size of the whole result in bytes, before any cut (a <c>tool</c> step).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? ResultBytes { get; init; }

    /// <summary>Gets what went wrong with the step (invalid arguments, a tool's failure or timeout), fed back to the model; null when nothing did.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Error { get; init; }

    /// <summary>Gets the decision (an <c>approval</c> step): <c>approved</c> or <c>rejected</c>, and who made it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Decision { get; init; }

    /// <summary>Gets who decided (an <c>approval</c> step): a key id, or <c>local</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Actor { get; init; }
}

/// <summary>The kinds of <see cref="AgentStep"/>.</summary>
public static class AgentStepKinds
{
    /// <summary>A call of the model.</summary>
    public const string Model = "model";

    /// <summary>A call of a tool.</summary>
    public const string Tool = "tool";

    /// <summary>A person's decision on a pending call or answer.</summary>
    public const string Approval = "approval";
}
