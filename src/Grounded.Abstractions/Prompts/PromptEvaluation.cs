namespace Grounded.Prompts;

/// <summary>How a prompt version is evaluated before promotion: its data set, the metric the gate compares, and the score it carries.</summary>
/// <param name="Dataset">The evaluation data set (JSONL), as a full path once loaded (written relative to the prompt file); null when none.</param>
/// <param name="Metric">The gated metric (snake_case, e.g. <c>token_f1</c>).</param>
/// <param name="Score">The score the file says the version was last promoted with; null when none.</param>
public sealed record PromptEvaluation(string? Dataset, string Metric = PromptEvaluation.DefaultMetric, double? Score = null)
{
    /// <summary>The metric gated when a prompt names none.</summary>
    public const string DefaultMetric = "token_f1";
}
