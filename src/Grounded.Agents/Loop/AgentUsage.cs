namespace Grounded.Agents.Loop;

/// <summary>The tokens and calls of one run.</summary>
/// <param name="InputTokens">Input tokens over every model call.</param>
/// <param name="OutputTokens">Output tokens over every model call.</param>
/// <param name="ModelCalls">How many times the model was called.</param>
/// <param name="ToolCalls">How many tool calls ran (refused and invalid ones included).</param>
public sealed record AgentUsage(long InputTokens = 0, long OutputTokens = 0, int ModelCalls = 0, int ToolCalls = 0)
{
    /// <summary>Gets the input and output tokens together.</summary>
    public long TotalTokens => InputTokens + OutputTokens;

    /// <summary>Returns the sum of two runs' (or a run's and a step's) usage.</summary>
    public static AgentUsage operator +(AgentUsage left, AgentUsage right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(left.InputTokens + right.InputTokens, left.OutputTokens + right.OutputTokens, left.ModelCalls + right.ModelCalls, left.ToolCalls + right.ToolCalls);
    }

    /// <summary>Returns the sum of two usages (<c>+</c> for languages without operators).</summary>
    public static AgentUsage Add(AgentUsage left, AgentUsage right) => left + right;
}
