using System.Diagnostics;
using Grounded.Answers;
using Grounded.Chunks;
using Grounded.Guards.Pii;
using Grounded.Stages;
using Grounded.Storage;

namespace Grounded.Rag.Guard;

/// <summary>
/// The guard on retrieved chunks, between rerank and answer: each chunk is checked for an indirect prompt injection
/// (one batch through the detector) and dropped, quoted as inert data, or flagged; a chunk of a sensitive collection has
/// its personal data redacted to typed placeholders (or only counted). Each decision is a trace event with the chunk's
/// id, the guard, the action and the reason — never the text.
/// </summary>
internal sealed class RetrievalGuard(RetrievalGuardOptions options, IChunkStore store) : IEvidenceGuard
{
    private readonly RetrievalGuardOptions _options = options with { };
    private readonly HashSet<string> _sensitive = new(options.SensitiveCollections, StringComparer.Ordinal);

    /// <summary>Returns the guard the options describe, or null when no check would run.</summary>
    public static RetrievalGuard? Create(RetrievalGuardOptions options, IChunkStore store) => options.IsActive ? new RetrievalGuard(options, store) : null;

    public async Task<(IReadOnlyList<ScoredChunk> Evidence, RetrievalGuardReport Report)> GuardAsync(IReadOnlyList<ScoredChunk> evidence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (evidence.Count == 0)
        {
            return (evidence, RetrievalGuardReport.Clean);
        }

        using var activity = RagTelemetry.Source.StartActivity("rag.guard");
        var sensitive = await SensitiveAsync(evidence, cancellationToken).ConfigureAwait(false);
        var verdicts = _options.InjectionDetector is { } detector && _options.Injection != RetrievedInjectionAction.Off
            ? await detector.CheckAllAsync(evidence.Select(e => e.Chunk.Chunk.Text).ToList(), cancellationToken).ConfigureAwait(false)
            : null;
        var kept = new List<ScoredChunk>(evidence.Count);
        var (dropped, quoted, flagged, redacted, found) = (0, 0, 0, 0, 0);
        for (var i = 0; i < evidence.Count; i++)
        {
            var hit = evidence[i];
            if (verdicts?[i] is { IsInjection: true } verdict)
            {
                Record(activity, hit, "injection", Action(_options.Injection), verdict.Reason);
                switch (_options.Injection)
                {
                    case RetrievedInjectionAction.Drop:
                        dropped++;
                        continue;
                    case RetrievedInjectionAction.Quote:
                        quoted++;
                        break;
                    default:
                        flagged++;
                        break;
                }
            }

            if (sensitive.Contains(hit.Chunk.DocumentId) && _options.PiiDetector is { } pii && Screen(pii, hit) is { } screened)
            {
                found++;
                Record(activity, hit, "pii", _options.Pii == RetrievedPiiAction.Redact ? "redact" : "flag", screened.Types);
                if (_options.Pii == RetrievedPiiAction.Redact)
                {
                    redacted++;
                    hit = screened.Redacted;
                }
            }

            kept.Add(verdicts?[i] is { IsInjection: true } && _options.Injection == RetrievedInjectionAction.Quote ? Quote(hit) : hit);
        }

        var report = new RetrievalGuardReport(dropped, quoted, flagged, redacted, found);
        activity?.SetTag("grounded.guard.dropped", dropped);
        activity?.SetTag("grounded.guard.quoted", quoted);
        activity?.SetTag("grounded.guard.redacted", redacted);
        return (kept, report);
    }

    // The documents of sensitive collections among the evidence (one store lookup per document, only when some collection is sensitive).
    private async Task<HashSet<string>> SensitiveAsync(IReadOnlyList<ScoredChunk> evidence, CancellationToken cancellationToken)
    {
        var sensitive = new HashSet<string>(StringComparer.Ordinal);
        if (_sensitive.Count == 0 || _options.PiiDetector is null)
        {
            return sensitive;
        }

        foreach (var id in evidence.Select(e => e.Chunk.DocumentId).Distinct(StringComparer.Ordinal))
        {
            if (await store.GetDocumentAsync(id, cancellationToken).ConfigureAwait(false) is { } document && _sensitive.Contains(document.Collection))
            {
                sensitive.Add(id);
            }
        }

        return sensitive;
    }

    // The chunk with its text, context and heading path redacted, and the types found (counts only); null when it holds no PII.
    private static (ScoredChunk Redacted, string Types)? Screen(IPiiDetector detector, ScoredChunk hit)
    {
        var chunk = hit.Chunk.Chunk;
        var (text, inText) = PiiRedactor.Redact(detector, chunk.Text);
        var (context, inContext) = PiiRedactor.Redact(detector, chunk.Context);
        var (heading, inHeading) = PiiRedactor.Redact(detector, chunk.HeadingPath);
        var all = inText.Concat(inContext).Concat(inHeading).ToList();
        if (all.Count == 0)
        {
            return null;
        }

        var types = string.Join(",", all.GroupBy(e => e.Type).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}:{g.Count()}"));
        return (hit with { Chunk = hit.Chunk with { Chunk = chunk with { Text = text, Context = context, HeadingPath = heading } } }, types);
    }

    private static ScoredChunk Quote(ScoredChunk hit) =>
        hit with { Chunk = hit.Chunk with { Chunk = hit.Chunk.Chunk with { Text = InertQuote.Wrap(hit.Chunk.Chunk.Text) } } };

    private static string Action(RetrievedInjectionAction action) => action switch
    {
        RetrievedInjectionAction.Drop => "drop",
        RetrievedInjectionAction.Quote => "quote",
        _ => "flag",
    };

    private static void Record(Activity? activity, ScoredChunk hit, string guard, string action, string reason) =>
        activity?.AddEvent(new ActivityEvent("grounded.guard.decision", tags: new ActivityTagsCollection
        {
            ["grounded.guard"] = guard,
            ["grounded.guard.action"] = action,
            ["grounded.guard.reason"] = reason,
            ["grounded.chunk.id"] = hit.Chunk.Id,
        }));
}
