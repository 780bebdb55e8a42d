namespace Grounded.Agents.Definitions;

/// <summary>The hard limits of one run (<c>caps:</c>); reaching any of them ends the run with its own exit reason.</summary>
public sealed record AgentCaps
{
    /// <summary>Gets the most model calls a run makes.</summary>
    /// <value>The default is 10.</value>
    public int MaxSteps { get; init; } = 10;

    /// <summary>Gets the most dollars a run spends: model calls, embeddings and paid tools.</summary>
    /// <value>The default is 0.50.</value>
    public decimal MaxUsd { get; init; } = 0.50m;

    /// <summary>Gets the longest a run may take, waiting for approval excluded.</summary>
    /// <value>The default is 2 minutes.</value>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Gets the longest one tool call may take (a tool's own <c>timeout:</c> overrides it).</summary>
    /// <value>The default is 30 seconds.</value>
    public TimeSpan ToolTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets how many times the same tool may be called with the same arguments; the call after that ends the run (<c>repeated_call</c>).</summary>
    /// <value>The default is 3.</value>
    public int MaxRepeats { get; init; } = 3;

    /// <summary>Gets the most characters of a tool's result the model is shown; longer results are cut, saying so.</summary>
    /// <value>The default is 8,000.</value>
    public int MaxResultChars { get; init; } = 8_000;
}
