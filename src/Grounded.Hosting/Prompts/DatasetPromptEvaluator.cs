using Grounded.Evaluation.Answers;
using Grounded.Evaluation.Datasets;
using Grounded.Gateway.Failures;
using Grounded.Hosting.Ask;
using Grounded.Prompts;
using Grounded.Rag.Answer;

namespace Grounded.Hosting.Prompts;

/// <summary>
/// The promotion gate's evaluator: runs a prompt version's evaluation data set through it with <c>grounded eval run</c>'s
/// runner and returns the gated metric with every other one. <c>grounded-answer</c> answers through the stack's ask path
/// with that version pinned (retrieval, citations, abstention and all); any other prompt is rendered with each question
/// and sent to its model (<see cref="PromptAnswerSources"/>). A version needs a model to be scored: its own
/// (<c>model:</c>), else the configured one (<c>rag.model</c>); without one it is unscored, and says why.
/// </summary>
/// <param name="stack">The stack whose gateway, store and models answer.</param>
internal sealed class DatasetPromptEvaluator(GroundedStack stack) : IPromptEvaluator
{
    /// <inheritdoc />
    public string Name => "eval";

    /// <inheritdoc />
    public async Task<PromptScore> EvaluateAsync(PromptVersion prompt, PromptEvaluation evaluation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(evaluation);
        var metric = evaluation.Metric;
        if (evaluation.Dataset is not { } path)
        {
            return PromptScore.Unscored(metric, $"{prompt.Reference} has no evaluation data set");
        }

        var model = prompt.Model ?? stack.Options.AskModel;
        if (model is null)
        {
            return PromptScore.Unscored(metric,
                $"no model to run {prompt.Reference} with: its file names none (model:) and no default model is configured (rag.model in grounded.yaml, --config)");
        }

        IReadOnlyList<AnswerItem> items;
        try
        {
            items = AnswerDataset.Read(path);
        }
        catch (DatasetException e)
        {
            return PromptScore.Unscored(metric, $"{prompt.Reference} could not be scored: {e.Message}");
        }

        var answersFromSources = prompt.Id == GroundedPrompt.Id;
        AnswerSource answers;
        try
        {
            answers = answersFromSources ? PromptAnswerSources.Ask(stack, prompt) : PromptAnswerSources.Template(stack, prompt, model);
        }
        catch (InvalidRequestException e)
        {
            return PromptScore.Unscored(metric, $"{prompt.Reference} could not be run: {e.Message}");
        }

        // Answers from sources need the store open anyway, and its embedding model scores semantic similarity; another
        // prompt opens it only when that is the gated metric.
        var embedder = answersFromSources || metric == AnswerMetrics.SemanticSimilarity
            ? (await stack.GetRagAsync(cancellationToken).ConfigureAwait(false)).Embedder
            : null;
        var runner = new AnswerEvaluationRunner(new AnswerEvaluationOptions { Embedder = embedder, Prompt = prompt.Reference, Model = model });
        var report = await runner.RunAsync(items, answers, cancellationToken: cancellationToken).ConfigureAwait(false);
        return report.Metrics.GetValueOrDefault(metric) is { } score
            ? new PromptScore(metric, score) { Metrics = report.Metrics, Items = items.Count }
            : PromptScore.Unscored(metric, $"{metric} does not apply to any item of {path} (e.g. citations with no sources given)") with { Metrics = report.Metrics, Items = items.Count };
    }
}
