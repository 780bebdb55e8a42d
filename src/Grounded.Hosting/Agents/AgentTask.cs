using System.Text.Json;

namespace Grounded.Hosting.Agents;

/// <summary>One line of an agent task set (<c>eval/agents/tasks.jsonl</c>): a user's request to an agent and what a good run does.</summary>
/// <param name="Id">The task's id, unique in the set.</param>
/// <param name="Task">The user's request, as the run is given it.</param>
/// <param name="Agent">The agent file, relative to the task set's folder (e.g. <c>docs-researcher.yaml</c>).</param>
/// <param name="Expected">What a good run does: the tools it asks for, what its answer says, how it ends.</param>
internal sealed record AgentTask(string Id, string Task, string Agent, AgentTaskExpectation Expected)
{
    /// <summary>Gets the scripted model's turns for the loop-mechanics run (the scriptable upstream's step JSON), or null.</summary>
    public JsonElement? Script { get; init; }

    /// <summary>Gets whether the task tests the runtime's mechanics with a script only (a real model is not expected to loop or err on purpose): skipped in real-model runs.</summary>
    public bool ScriptedOnly { get; init; }
}
