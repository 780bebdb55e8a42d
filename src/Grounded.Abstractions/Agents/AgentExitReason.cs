namespace Grounded.Agents;

/// <summary>Why an agent run ended: each cap reports its own reason, never a bare "failed".</summary>
public static class AgentExitReason
{
    /// <summary>The model gave its final answer.</summary>
    public const string Completed = "completed";

    /// <summary>The run made as many model calls as <c>caps.maxSteps</c> allows without a final answer.</summary>
    public const string MaxSteps = "max_steps";

    /// <summary>The run's spend (model calls, embeddings, paid tools) reached <c>caps.maxUsd</c>, or the next call could pass it.</summary>
    public const string MaxCost = "max_cost";

    /// <summary>The run took longer than <c>caps.timeout</c>.</summary>
    public const string Timeout = "timeout";

    /// <summary>The model called the same tool with the same arguments <c>caps.maxRepeats</c> times.</summary>
    public const string RepeatedCall = "repeated_call";

    /// <summary>A person rejected the pending tool call or answer.</summary>
    public const string Rejected = "rejected";

    /// <summary>Something failed that the run cannot go on from (the model's provider, the store).</summary>
    public const string Error = "error";
}
