using Grounded.Gateway.Failures;
using Grounded.Guards;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Guard;

/// <summary>
/// The lexicon guard (<see cref="ToxicityLexicon"/>): on what the user sent and on answers, a term found is flagged,
/// masked with <c>*</c> (redact), or blocks (a request: 400; an answer: withheld, finish reason <c>content_filter</c>).
/// </summary>
internal sealed class ToxicityGuard(ToxicityGuardOptions options, ToxicityLexicon lexicon) : IInputGuard
{
    public ToxicityGuardOptions Options => options;

    public ValueTask<GuardVerdict> CheckAsync(InputCheck check, IChatClient models, CancellationToken cancellationToken)
    {
        var spans = GuardReasons.Across(check.Checked(), lexicon.Find);
        if (spans.Count == 0)
        {
            return ValueTask.FromResult(GuardVerdict.Allow(GuardNames.Toxicity, "none found"));
        }

        var decision = Decision(spans);
        if (options.Mode == GuardMode.Redact)
        {
            check.RewriteChecked(Mask);
        }

        return ValueTask.FromResult(options.Mode == GuardMode.Block
            ? new GuardVerdict(decision) { Failure = new GuardBlockedException(GuardNames.Toxicity) }
            : new GuardVerdict(decision));
    }

    /// <summary>Checks a piece of an answer: the text to send (masked in redact mode) and the decision (null when nothing was found).</summary>
    public (string Text, GuardDecision? Decision) CheckOutput(string text)
    {
        var spans = lexicon.Find(text);
        return spans.Count == 0 ? (text, null) : (options.Mode == GuardMode.Redact ? Mask(text, spans) : text, Decision(spans));
    }

    private GuardDecision Decision(IReadOnlyList<GuardSpan> spans)
    {
        var action = options.Mode switch
        {
            GuardMode.Block => GuardActions.Block,
            GuardMode.Redact => GuardActions.Redact,
            _ => GuardActions.Flag,
        };
        return new GuardDecision(GuardNames.Toxicity, action, $"{GuardReasons.Counts(spans)} ({ToxicityLexicon.Version})", spans);
    }

    private string Mask(string text) => Mask(text, lexicon.Find(text));

    // Letters become '*', spaces stay: the length and the shape of the text are kept, the words are not.
    private static string Mask(string text, IReadOnlyList<GuardSpan> spans)
    {
        var chars = text.ToCharArray();
        foreach (var span in spans)
        {
            for (var i = span.Start; i < span.End; i++)
            {
                chars[i] = char.IsWhiteSpace(chars[i]) ? chars[i] : '*';
            }
        }

        return new string(chars);
    }
}
