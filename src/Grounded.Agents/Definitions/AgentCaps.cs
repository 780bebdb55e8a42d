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

    /// <summary>Gets how many times the model may ask for the same tool with the same arguments: the request that makes it this many ends the run (<c>repeated_call</c>) and is not run, so at most <c>MaxRepeats - 1</c> identical calls run.</summary>
    /// <value>The default is 3; at least 2.</value>
    public int MaxRepeats { get; init; } = 3;

    /// <summary>Gets the most tokens one model call may write (sent as the request's output limit, and what the cost check prices a call's output at).</summary>
    /// <value>The default is 2,048.</value>
    public int MaxOutputTokens { get; init; } = 2_048;

    /// <summary>Gets the most characters of a tool's result the model is shown; longer results are cut, saying so.</summary>
    /// <value>The default is 8,000.</value>
    public int MaxResultChars { get; init; } = 8_000;
}
