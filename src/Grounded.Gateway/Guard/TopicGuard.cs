using System.Globalization;
using System.Numerics.Tensors;
using Grounded.Guards;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Guard;

/// <summary>
/// The topic policy: the request (the last user message, or a RAG prompt's question) is embedded with the local model
/// and compared with every example sentence (the best match of a topic is its similarity: examples of one topic may be
/// far apart, so no centroid). Close to a denied topic, or far from every allowed one, it gets the polite refusal (block)
/// or is flagged. The examples are embedded once, on first use.
/// </summary>
internal sealed class TopicGuard(TopicGuardOptions options, IEmbeddingGenerator<string, Embedding<float>> embedder) : IInputGuard
{
    private readonly Lock _gate = new();
    private Task<List<(string Topic, bool Allowed, float[] Vector)>>? _examples;

    public async ValueTask<GuardVerdict> CheckAsync(InputCheck check, IChatClient models, CancellationToken cancellationToken)
    {
        if (check.LastUserText() is not { Length: > 0 } text)
        {
            return GuardVerdict.Allow(GuardNames.Topic, "nothing to check");
        }

        var examples = await ExamplesAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        var request = (await embedder.GenerateAsync([text], cancellationToken: cancellationToken).ConfigureAwait(false))[0].Vector.ToArray();
        var scores = examples.Select(e => (e.Topic, e.Allowed, Score: TensorPrimitives.CosineSimilarity(request, e.Vector))).ToList();
        var denied = scores.Where(s => !s.Allowed).OrderByDescending(s => s.Score).FirstOrDefault();
        var allowed = scores.Where(s => s.Allowed).OrderByDescending(s => s.Score).FirstOrDefault();
        var span = new GuardSpan(0, text.Length, "topic");
        if (denied.Topic is not null && denied.Score >= options.DeniedAbove)
        {
            return Refuse(Invariant($"denied topic '{denied.Topic}' ({denied.Score:0.00} >= {options.DeniedAbove:0.00})"), span);
        }

        if (allowed.Topic is not null && allowed.Score < options.AllowedAbove)
        {
            return Refuse(Invariant($"off topic (nearest allowed '{allowed.Topic}' {allowed.Score:0.00} < {options.AllowedAbove:0.00})"), span);
        }

        return GuardVerdict.Allow(GuardNames.Topic, allowed.Topic is null
            ? Invariant($"no denied topic near ({denied.Score:0.00})")
            : Invariant($"on topic '{allowed.Topic}' ({allowed.Score:0.00})"));
    }

    private GuardVerdict Refuse(string reason, GuardSpan span) => options.Mode == GuardMode.Block
        ? new GuardVerdict(new GuardDecision(GuardNames.Topic, GuardActions.Block, reason, [span])) { Refusal = options.Refusal }
        : new GuardVerdict(new GuardDecision(GuardNames.Topic, GuardActions.Flag, reason, [span]));

    // Embedded once for every request; a failed attempt (the model could not load) is tried again by the next request.
    private Task<List<(string Topic, bool Allowed, float[] Vector)>> ExamplesAsync()
    {
        lock (_gate)
        {
            if (_examples is null || _examples.IsFaulted || _examples.IsCanceled)
            {
                _examples = EmbedExamplesAsync();
            }

            return _examples;
        }
    }

    private async Task<List<(string Topic, bool Allowed, float[] Vector)>> EmbedExamplesAsync()
    {
        var examples = options.Allowed.SelectMany(t => t.Value.Select(e => (t.Key, true, e)))
            .Concat(options.Denied.SelectMany(t => t.Value.Select(e => (t.Key, false, e)))).ToList();
        var vectors = await embedder.GenerateAsync(examples.Select(e => e.e), cancellationToken: CancellationToken.None).ConfigureAwait(false);
        return [.. examples.Select((e, i) => (e.Key, e.Item2, vectors[i].Vector.ToArray()))];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
