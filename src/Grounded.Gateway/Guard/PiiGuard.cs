using Grounded.Gateway.Failures;
using Grounded.Guards;
using Grounded.Guards.Pii;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Guard;

/// <summary>
/// Personal data in every message of a request (system, user, assistant turns sent back, tool results) and in the
/// question of a RAG prompt: redacted to typed placeholders, pseudonymized with the request's vault, flagged, or the
/// request blocked; the provider sees no raw value in the rewriting modes. Answers are scrubbed with typed placeholders.
/// </summary>
internal sealed class PiiGuard(PiiGuardOptions options, IPiiDetector detector) : IInputGuard
{
    public ValueTask<GuardVerdict> CheckAsync(InputCheck check, IChatClient models, CancellationToken cancellationToken)
    {
        // The question of a RAG prompt is inside the prompt: counted once, rewritten in both places.
        var found = new Dictionary<string, List<PiiEntity>>(StringComparer.Ordinal);
        List<PiiEntity> Found(string text) => found.TryGetValue(text, out var known) ? known : found[text] = Find(text);
        var texts = GuardText.Units(check.Messages, _ => true).Select(u => u.Text).ToList();
        var spans = GuardReasons.Across(texts, text => Found(text).Select(e => new GuardSpan(e.Start, e.Length, e.Type)));
        if (spans.Count == 0)
        {
            return ValueTask.FromResult(GuardVerdict.Allow(GuardNames.Pii, "none found"));
        }

        var reason = GuardReasons.Counts(spans);
        switch (options.Mode)
        {
            case GuardMode.Block when check.Question is { } question && Found(question).Count == 0:
                // A question from sources (/v1/ask): the caller sent no personal data, the retrieved sources hold it. Refusing
                // would block every question whose evidence names a person; the sources are redacted instead.
                check.Rewrite(_ => true, text => PiiRedaction.Redact(text, Found(text)));
                return ValueTask.FromResult(new GuardVerdict(new GuardDecision(GuardNames.Pii, GuardActions.Redact, reason + " in the sources", spans)));
            case GuardMode.Block:
                return ValueTask.FromResult(new GuardVerdict(new GuardDecision(GuardNames.Pii, GuardActions.Block, reason, spans)) { Failure = new GuardBlockedException(GuardNames.Pii) });
            case GuardMode.Flag:
                return ValueTask.FromResult(new GuardVerdict(new GuardDecision(GuardNames.Pii, GuardActions.Flag, reason, spans)));
            case GuardMode.Pseudonymize:
                var vault = check.Vault ??= new PiiVault();
                check.Rewrite(_ => true, text => PiiRedaction.Pseudonymize(text, Found(text), vault));
                return ValueTask.FromResult(new GuardVerdict(new GuardDecision(GuardNames.Pii, GuardActions.Pseudonymize, reason, spans)));
            default:
                check.Rewrite(_ => true, text => PiiRedaction.Redact(text, Found(text)));
                return ValueTask.FromResult(new GuardVerdict(new GuardDecision(GuardNames.Pii, GuardActions.Redact, reason, spans)));
        }
    }

    /// <summary>Scrubs an answer's text: typed placeholders (flag mode only finds); returns the text and what was found.</summary>
    public (string Text, IReadOnlyList<GuardSpan> Spans) Scrub(string text)
    {
        var entities = Find(text);
        if (entities.Count == 0)
        {
            return (text, []);
        }

        var spans = entities.Select(e => new GuardSpan(e.Start, e.Length, e.Type)).ToList();
        return (options.Mode == GuardMode.Flag ? text : PiiRedaction.Redact(text, entities), spans);
    }

    /// <summary>Gets what scrubbing does with what it finds: flag in flag mode, else redact.</summary>
    public string OutputAction => options.Mode == GuardMode.Flag ? GuardActions.Flag : GuardActions.Redact;

    private List<PiiEntity> Find(string text) =>
        text.Length == 0 ? [] : detector.Detect(text).Where(e => options.Covers(e.Type)).ToList();
}
