using Grounded.Prompts;

namespace Grounded.Hosting.Prompts;

/// <summary>
/// A stand-in until <c>grounded eval run</c>'s runner is plugged into <see cref="GroundedStack.CreatePromptEvaluator"/>: it runs
/// nothing and returns the score a prompt file carries (<c>evaluation.score</c>) for its own metric; null otherwise.
/// </summary>
public sealed class RecordedScoreEvaluator : IPromptEvaluator
{
    /// <inheritdoc />
    public string Name => "recorded";

    /// <inheritdoc />
    public Task<PromptScore?> EvaluateAsync(PromptVersion prompt, PromptEvaluation evaluation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(evaluation);
        return Task.FromResult(prompt.Evaluation is { Score: { } score } own && own.Metric == evaluation.Metric
            ? new PromptScore(own.Metric, score)
            : null);
    }
}
