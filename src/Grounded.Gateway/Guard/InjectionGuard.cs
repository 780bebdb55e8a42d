using System.Globalization;
using Grounded.Gateway.Failures;
using Grounded.Guards;
using Grounded.Guards.Injection;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Guard;

/// <summary>
/// Prompt injection in what the user sent (and in tool results, an indirect path): the detector's verdicts, in one batch;
/// block (400, the provider is never called) or flag. A configured threshold replaces the detector's calibrated decision.
/// </summary>
internal sealed class InjectionGuard(InjectionGuardOptions options, IInjectionDetector detector) : IInputGuard
{
    public async ValueTask<GuardVerdict> CheckAsync(InputCheck check, IChatClient models, CancellationToken cancellationToken)
    {
        var texts = check.Checked();
        if (texts.Count == 0)
        {
            return GuardVerdict.Allow(GuardNames.Injection, "nothing to check");
        }

        var verdicts = await detector.CheckAllAsync(texts, cancellationToken).ConfigureAwait(false);
        var spans = new List<GuardSpan>();
        InjectionVerdict? first = null;
        var offset = 0;
        for (var i = 0; i < verdicts.Count; i++)
        {
            if (IsInjection(verdicts[i]))
            {
                first ??= verdicts[i];
                spans.AddRange(verdicts[i].Spans.Count > 0
                    ? verdicts[i].Spans.Select(s => s with { Start = s.Start + offset })
                    : [new GuardSpan(offset, texts[i].Length, "injection")]);
            }

            offset += texts[i].Length + GuardText.Separator;
        }

        if (first is null)
        {
            var top = verdicts.Count == 0 ? 0 : verdicts.Max(v => v.Score);
            return GuardVerdict.Allow(GuardNames.Injection, string.Create(CultureInfo.InvariantCulture, $"score {top:0.00}"));
        }

        return options.Mode == GuardMode.Block
            ? new GuardVerdict(new GuardDecision(GuardNames.Injection, GuardActions.Block, first.Reason, spans)) { Failure = new GuardBlockedException(GuardNames.Injection) }
            : new GuardVerdict(new GuardDecision(GuardNames.Injection, GuardActions.Flag, first.Reason, spans));
    }

    // A configured threshold replaces the classifier's, never the patterns: a pattern hit is an injection at any threshold.
    private bool IsInjection(InjectionVerdict verdict) =>
        options.Threshold is { } threshold ? verdict.MatchedPattern || verdict.Score >= threshold : verdict.IsInjection;
}
