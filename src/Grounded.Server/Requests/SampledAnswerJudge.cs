using System.Threading.Channels;
using Grounded.Answers;
using Grounded.Evaluation.Answers;
using Grounded.Hosting;
using Grounded.Prompts;
using Grounded.Server.Lifecycle;
using Microsoft.Extensions.AI;

namespace Grounded.Server.Requests;

/// <summary>
/// Judges a sampled share of production answers (<c>monitoring.judgeSampleRate</c>, only with <c>monitoring.judgeModel</c>)
/// with the same rubric as <c>grounded eval run --judge-model</c>, without a reference answer (there is none in production):
/// off the request path, two at a time, from a small queue that drops what it cannot hold. Each score goes to
/// <c>grounded.answers.judge_score</c>; a judge that fails or replies without a score records nothing.
/// </summary>
internal sealed class SampledAnswerJudge : IAsyncDisposable
{
    /// <summary>What the rubric is given in place of a reference answer.</summary>
    public const string NoReference = "(no reference answer in production: judge whether the answer is correct and supported by the sources)";

    private const int Concurrency = 2;
    private readonly Channel<GroundedAnswer> _queue = Channel.CreateBounded<GroundedAnswer>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly GroundedStack _stack;
    private readonly AnswerTelemetry _telemetry;
    private readonly RunningConfig _running;
    private readonly string? _model;
    private readonly Task[] _loops;

    // With a judge model the loops run even at rate 0 (idle, on an empty queue): a reloaded rate takes effect at once.
    public SampledAnswerJudge(GroundedStack stack, AnswerTelemetry telemetry, RunningConfig running)
    {
        _stack = stack;
        _telemetry = telemetry;
        _running = running;
        _model = stack.Options.Monitoring.JudgeModel;
        _loops = _model is null ? [] : [.. Enumerable.Range(0, Concurrency).Select(_ => Task.Run(JudgeLoopAsync))];
    }

    /// <summary>Queues <paramref name="answer"/> for the judge when it falls in the sample (abstentions are not judged); never waits.</summary>
    public void Offer(GroundedAnswer answer)
    {
        if (_loops.Length > 0 && !answer.Abstained && Random.Shared.NextDouble() < _running.Current.Monitoring.JudgeSampleRate)
        {
            _queue.Writer.TryWrite(answer);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAny(Task.WhenAll(_loops), Task.Delay(TimeSpan.FromSeconds(2))).ConfigureAwait(false);
    }

    private async Task JudgeLoopAsync()
    {
        await foreach (var answer in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                var rubric = JudgePrompt.From(await _stack.ResolvePromptAsync(new PromptReference(JudgePrompt.RegistryId, null)).ConfigureAwait(false));
                var sources = answer.Citations.Count == 0 ? "(none)" : string.Join("\n\n", answer.Citations.Select(c => $"[{c.N}] {c.Source}\n{c.Text}"));
                var options = new ChatOptions { ModelId = _model, Temperature = (float?)rubric.Temperature ?? 0, MaxOutputTokens = rubric.MaxOutputTokens };
                var reply = await _stack.Gateway.Client.GetResponseAsync(
                    [new ChatMessage(ChatRole.System, rubric.System), new ChatMessage(ChatRole.User, rubric.Render(answer.Question, NoReference, answer.Answer, sources))],
                    options).ConfigureAwait(false);
                if (JudgeVerdict.Parse(reply.Text) is { } verdict)
                {
                    _telemetry.Judged(verdict.Normalized, answer.Generator);
                }
            }
            catch (Exception)
            {
                // A judge that fails measures nothing this time; the answer was served long ago.
            }
        }
    }
}
