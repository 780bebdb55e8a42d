using Grounded.Access;

namespace Grounded.Hosting.Agents;

/// <summary>How a task set runs: where its agent files are, what fills their variables, which model answers.</summary>
internal sealed record AgentTaskRunOptions
{
    /// <summary>Gets the folder the tasks' agent files are in (the task set's folder).</summary>
    public required string AgentsFolder { get; init; }

    /// <summary>Gets the values of <c>${NAME}</c> in agent files (e.g. <c>ORDERS_API_URL</c>); names not given are read from the environment.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets the model or route every agent runs on instead of its file's; null: the file's.</summary>
    public string? Model { get; init; }

    /// <summary>Gets whether the model is scripted: scripted-only tasks run only then.</summary>
    public bool Scripted { get; init; }

    /// <summary>Gets the identity the runs act as.</summary>
    /// <value>The default is <see cref="CallerIdentity.Local"/>.</value>
    public CallerIdentity Caller { get; init; } = CallerIdentity.Local;

    /// <summary>Gets what runs before each task (a test loads the task's script into its scripted model), or null.</summary>
    public Func<AgentTask, CancellationToken, Task>? BeforeEach { get; init; }
}
