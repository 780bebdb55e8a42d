using System.Globalization;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace Grounded.Evaluation.Answers;

/// <summary>
/// Scores an answer with an LLM judge and a rubric prompt, <see cref="Repeat"/> times: <c>judge_score</c> is the mean
/// of the verdicts normalised to 0..1; the metric's metadata carries the variance and each verdict. Verdicts come from
/// the cache when it holds them (keyed by prompt reference and text, model, question, answer, references and repeat index).
/// </summary>
public sealed class AnswerJudgeEvaluator : IEvaluator
{
    /// <summary>The metadata key of the verdicts' variance (0..1 scale).</summary>
    public const string VarianceKey = "variance";

    /// <summary>The metadata key of the verdicts' normalised scores, comma-separated.</summary>
    public const string ScoresKey = "scores";

    private readonly IChatClient _client;
    private readonly string _model;
    private readonly JudgePrompt _prompt;
    private readonly JudgeCache? _cache;

    /// <summary>Creates the evaluator over <paramref name="client"/>, asking <paramref name="model"/>.</summary>
    public AnswerJudgeEvaluator(IChatClient client, string model, JudgePrompt prompt, JudgeCache? cache = null, int repeat = 1)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentOutOfRangeException.ThrowIfLessThan(repeat, 1);
        (_client, _model, _prompt, _cache, Repeat) = (client, model, prompt, cache, repeat);
    }

    /// <summary>Gets how many verdicts are asked for per answer.</summary>
    public int Repeat { get; }

    /// <inheritdoc />
    public IReadOnlyCollection<string> EvaluationMetricNames { get; } = [AnswerMetrics.JudgeScore];

    /// <inheritdoc />
    public async ValueTask<EvaluationResult> EvaluateAsync(
        IEnumerable<ChatMessage> messages, ChatResponse modelResponse, ChatConfiguration? chatConfiguration = null,
        IEnumerable<EvaluationContext>? additionalContext = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(modelResponse);
        var metric = new NumericMetric(AnswerMetrics.JudgeScore);
        var question = messages.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? string.Empty;
        var answers = EvaluatorInputs.Find<ReferenceAnswersContext>(additionalContext)?.Answers ?? [];
        var reference = answers.Count == 0 ? JudgePrompt.UnanswerableReference : string.Join(" | ", answers);
        var outcome = EvaluatorInputs.Find<AnswerOutcomeContext>(additionalContext);
        var sources = outcome is null || outcome.Citations.Count == 0
            ? "(none)"
            : string.Join("\n\n", outcome.Citations.Select(c => $"[{c.N}] {c.Source}\n{c.Text}"));
        var user = _prompt.Render(question, reference, modelResponse.Text, sources);

        var verdicts = new List<JudgeVerdict>();
        for (var i = 0; i < Repeat; i++)
        {
            var key = JudgeCache.Key(_prompt.Ref + "\u001e" + _prompt.Fingerprint, _model, question, modelResponse.Text, reference + "\u001e" + sources, i);
            if (_cache?.Get(key) is { } cached)
            {
                verdicts.Add(cached);
                continue;
            }

            var options = new ChatOptions { ModelId = _model, Temperature = (float?)_prompt.Temperature, MaxOutputTokens = _prompt.MaxOutputTokens };
            var reply = await _client.GetResponseAsync([new ChatMessage(ChatRole.System, _prompt.System), new ChatMessage(ChatRole.User, user)], options, cancellationToken).ConfigureAwait(false);
            if (JudgeVerdict.Parse(reply.Text) is { } verdict)
            {
                verdicts.Add(verdict);
                _cache?.Put(key, verdict);
            }
            else
            {
                metric.AddDiagnostics(EvaluationDiagnostic.Warning($"Verdict {i + 1}: the judge's reply holds no score from 1 to 5: {Shorten(reply.Text)}"));
            }
        }

        metric.AddOrUpdateMetadata("prompt", _prompt.Ref);
        metric.AddOrUpdateMetadata("judge-model", _model);
        if (verdicts.Count == 0)
        {
            metric.AddDiagnostics(EvaluationDiagnostic.Error("The judge returned no usable verdict."));
            return new EvaluationResult(metric);
        }

        var scores = verdicts.Select(v => v.Normalized).ToList();
        var mean = scores.Average();
        metric.AddOrUpdateMetadata(VarianceKey, Variance(scores, mean).ToString("R", CultureInfo.InvariantCulture));
        metric.AddOrUpdateMetadata(ScoresKey, string.Join(",", scores.Select(s => s.ToString("R", CultureInfo.InvariantCulture))));
        EvaluatorInputs.Set(metric, mean, verdicts[0].Reason);
        return new EvaluationResult(metric);
    }

    /// <summary>Returns the population variance of <paramref name="values"/> around <paramref name="mean"/>.</summary>
    internal static double Variance(IReadOnlyList<double> values, double mean) =>
        values.Count == 0 ? 0 : values.Sum(v => (v - mean) * (v - mean)) / values.Count;

    private static string Shorten(string text)
    {
        var flat = new StringBuilder(text).Replace('\n', ' ').ToString();
        return flat.Length <= 120 ? flat : flat[..120] + "…";
    }
}
