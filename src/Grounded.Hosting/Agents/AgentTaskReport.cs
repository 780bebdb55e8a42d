namespace Grounded.Hosting.Agents;

/// <summary>A task set's run: each task's result and the totals.</summary>
/// <param name="Model">The model the agents ran on (null: each agent file's own).</param>
/// <param name="Scripted">Whether the model was scripted (a loop-mechanics run).</param>
/// <param name="Results">Each task's result, in set order.</param>
internal sealed record AgentTaskReport(string? Model, bool Scripted, IReadOnlyList<AgentTaskResult> Results)
{
    /// <summary>Gets how many tasks ran (skipped ones not counted).</summary>
    public int Tasks => Ran.Count();

    /// <summary>Gets how many tasks passed.</summary>
    public int Passed => Ran.Count(r => r.Passed);

    /// <summary>Gets the share of tasks that passed.</summary>
    public double PassRate => Tasks == 0 ? 0 : Math.Round((double)Passed / Tasks, 4);

    /// <summary>Gets the share of tasks whose tool calls were exactly the expected sequence.</summary>
    public double ToolsExactRate => Tasks == 0 ? 0 : Math.Round((double)Ran.Count(r => r.ToolsExact) / Tasks, 4);

    /// <summary>Gets the mean recall of the expected tools.</summary>
    public double ToolsRecall => Tasks == 0 ? 0 : Math.Round(Ran.Average(r => r.ToolsRecall), 4);

    /// <summary>Gets the model calls over all tasks.</summary>
    public int ModelCalls => Ran.Sum(r => r.ModelCalls);

    /// <summary>Gets the tool calls over all tasks.</summary>
    public int ToolCalls => Ran.Sum(r => r.ToolCalls);

    /// <summary>Gets the tokens over all tasks.</summary>
    public long Tokens => Ran.Sum(r => r.Tokens);

    /// <summary>Gets the dollars over all tasks.</summary>
    public decimal CostUsd => Ran.Sum(r => r.CostUsd);

    /// <summary>Gets the wall time over all tasks, in milliseconds.</summary>
    public long Ms => Ran.Sum(r => r.Ms);

    private IEnumerable<AgentTaskResult> Ran => Results.Where(r => !r.Skipped);
}
