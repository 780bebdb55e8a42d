using Grounded.Agents.Loop;

namespace Grounded.Hosting.Agents;

/// <summary>Scores a run against its task's expectation: the tools asked for, the answer's content, and how the run ended.</summary>
internal static class AgentTaskScore
{
    /// <summary>Returns the task's result for <paramref name="run"/>, which took <paramref name="ms"/> milliseconds.</summary>
    public static AgentTaskResult Of(AgentTask task, AgentRun run, long ms)
    {
        var expected = task.Expected;
        // What the model asked for, in order: refused, invalid and pending calls count (the model chose them).
        var tools = run.Steps.Where(s => s.Kind == AgentStepKinds.Model).SelectMany(s => s.Calls ?? []).ToList();
        var problems = new List<string>();
        var exact = tools.SequenceEqual(expected.Tools, StringComparer.Ordinal);
        var wanted = expected.Tools.Distinct(StringComparer.Ordinal).ToList();
        var recall = wanted.Count == 0 ? 1 : (double)wanted.Count(tools.Contains) / wanted.Count;
        if (!exact)
        {
            problems.Add($"tools: expected [{string.Join(", ", expected.Tools)}], asked for [{string.Join(", ", tools)}]");
        }

        var missing = expected.AnswerContains.Where(text => !Contains(run.Answer, text)).ToList();
        problems.AddRange(missing.Select(text => $"answer: lacks '{text}'"));
        var results = run.Steps.Where(s => s.Kind == AgentStepKinds.Tool && s.Result is not null).Select(s => s.Result).ToList();
        var unseen = expected.ResultsContain.Where(text => !results.Any(r => Contains(r, text))).ToList();
        problems.AddRange(unseen.Select(text => $"results: no tool result contains '{text}'"));
        var pending = run.Pending?.Tool;
        var endOk = run.Status == expected.Status && run.ExitReason == expected.ExitReason && (expected.Pending is null || pending == expected.Pending);
        if (!endOk)
        {
            problems.Add($"end: expected {expected.Status}/{expected.ExitReason ?? "-"}{(expected.Pending is null ? "" : $" on {expected.Pending}")}, got {run.Status}/{run.ExitReason ?? "-"}{(pending is null ? "" : $" on {pending}")}{(run.Error is null ? "" : $" ({run.Error})")}");
        }

        return new AgentTaskResult(task.Id, endOk && missing.Count == 0 && unseen.Count == 0 && recall >= 1)
        {
            Tools = tools, ToolsExact = exact, ToolsRecall = Math.Round(recall, 4), AnswerOk = missing.Count == 0, ResultsOk = unseen.Count == 0, EndOk = endOk,
            Status = run.Status, ExitReason = run.ExitReason, Answer = run.Answer, Pending = pending, RunId = run.RunId,
            ModelCalls = run.Usage.ModelCalls, ToolCalls = run.Usage.ToolCalls, Tokens = run.Usage.TotalTokens, CostUsd = run.CostUsd, Ms = ms,
            Problems = problems,
        };
    }

    /// <summary>Returns whether <paramref name="answer"/> contains <paramref name="expected"/> or one of its <c>|</c>-separated alternatives, case ignored.</summary>
    public static bool Contains(string? answer, string expected) =>
        answer is not null && expected.Split('|').Any(alternative => answer.Contains(alternative.Trim(), StringComparison.OrdinalIgnoreCase));
}
