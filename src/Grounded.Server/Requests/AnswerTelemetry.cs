using System.Diagnostics;
using System.Diagnostics.Metrics;
using Grounded.Answers;
using Grounded.Feedback;
using Grounded.Gateway.Context;

namespace Grounded.Server.Requests;

/// <summary>
/// The quality metrics of the server's answers: answers by abstained (their ratio is the abstention rate, also a gauge over
/// the last five minutes), the grounding confidence of answers that did not abstain, feedback by rating, endpoint, model and
/// prompt, and the sampled judge's scores.
/// </summary>
internal sealed class AnswerTelemetry
{
    private readonly Counter<long> _answers;
    private readonly Histogram<double> _grounding;
    private readonly Counter<long> _feedback;
    private readonly Histogram<double> _judge;
    private readonly RecentAnswers _recent;

    public AnswerTelemetry(IMeterFactory meters, TimeProvider time)
    {
        var meter = meters.Create(ServerTelemetry.MeterName);
        _recent = new RecentAnswers(time);
        _answers = meter.CreateCounter<long>("grounded.answers", "{answer}", "Answers from sources (/v1/ask), by abstained (true: the documents do not answer), route and model");
        _grounding = meter.CreateHistogram<double>("grounded.answers.grounding_confidence", null, "Grounding confidence (0 to 1) of the answers that did not abstain, when the grounding check ran");
        _feedback = meter.CreateCounter<long>("grounded.feedback", "{rating}", "Feedback given (POST /v1/feedback), by rating, endpoint, model and prompt");
        _judge = meter.CreateHistogram<double>("grounded.answers.judge_score", null, "The judge model's score (0 to 1) of a sampled share of answers (monitoring.judgeSampleRate)");
        meter.CreateObservableGauge<double>("grounded.answers.abstention_rate", () => _recent.AbstentionRate() is { } rate ? [new Measurement<double>(rate)] : [],
            null, "Share of the answers of the last five minutes that abstained");
    }

    public void Answered(GroundedAnswer answer, GatewayContext context)
    {
        var model = context.ServedBy ?? answer.Generator;
        _answers.Add(1, new TagList { { "grounded.abstained", answer.Abstained ? "true" : "false" }, { "grounded.route", context.Route }, { "gen_ai.request.model", model } });
        _recent.Add(answer.Abstained);
        if (!answer.Abstained && answer.Grounding?.Confidence is { } confidence)
        {
            _grounding.Record(confidence, new TagList { { "gen_ai.request.model", model } });
        }
    }

    public void Feedback(FeedbackRecord feedback) =>
        _feedback.Add(1, new TagList
        {
            { "grounded.rating", feedback.Rating }, { "grounded.endpoint", feedback.Endpoint ?? "none" },
            { "gen_ai.request.model", feedback.Model ?? "none" }, { "grounded.prompt", feedback.PromptId ?? "none" },
        });

    public void Judged(double score, string model) => _judge.Record(score, new TagList { { "gen_ai.request.model", model } });
}
