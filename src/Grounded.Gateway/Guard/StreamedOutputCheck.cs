using Grounded.Guards;

namespace Grounded.Gateway.Guard;

/// <summary>
/// The per-sentence checks of a streamed answer (toxicity, PII scrub) and what they found over the whole stream, recorded
/// once at its end (a blocked sentence is recorded at once). Spans are positions in the answer as the model wrote it.
/// </summary>
internal sealed class StreamedOutputCheck(GuardPipeline pipeline)
{
    private readonly List<GuardSpan> _toxic = [];
    private readonly List<GuardSpan> _pii = [];
    private GuardDecision? _toxicity;
    private int _offset;

    public SentenceHoldback Holdback { get; } = new();

    /// <summary>Checks text ready to go: the text to send, and the block decision when it must not go.</summary>
    public (string Text, GuardDecision? Blocked) Check(string text, Action<GuardDecision> record)
    {
        if (text.Length == 0)
        {
            return (text, null);
        }

        var at = _offset;
        _offset += text.Length;
        if (pipeline.Toxicity is { Options.Output: true } toxicity)
        {
            var (masked, decision) = toxicity.CheckOutput(text);
            if (decision is not null)
            {
                var spans = decision.Spans.Select(s => s with { Start = s.Start + at }).ToList();
                if (decision.Action == GuardActions.Block)
                {
                    return (string.Empty, decision with { Spans = spans });
                }

                _toxicity ??= decision;
                _toxic.AddRange(spans);
                text = masked;
            }
        }

        if (pipeline.Pii is { } pii && pipeline.Policy.Pii!.Output)
        {
            var (scrubbed, spans) = pii.Scrub(text);
            _pii.AddRange(spans.Select(s => s with { Start = s.Start + at }));
            text = scrubbed;
        }

        return (text, null);
    }

    /// <summary>Records what the stream's checks found, one decision per guard.</summary>
    public void RecordTotals(Action<GuardDecision> record)
    {
        if (pipeline.Toxicity is { Options.Output: true })
        {
            record(_toxicity is null ? GuardVerdict.Allow(GuardNames.Toxicity, "none found").Decision : _toxicity with { Reason = $"{GuardReasons.Counts(_toxic)} ({ToxicityLexicon.Version})", Spans = _toxic });
        }

        if (pipeline.Pii is { } pii && pipeline.Policy.Pii!.Output)
        {
            record(_pii.Count == 0 ? GuardVerdict.Allow(GuardNames.Pii, "none found").Decision : new GuardDecision(GuardNames.Pii, pii.OutputAction, GuardReasons.Counts(_pii), _pii));
        }
    }
}
