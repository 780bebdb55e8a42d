using System.Globalization;
using System.Numerics.Tensors;
using Grounded.Guards;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Guard;

/// <summary>
/// The topic policy: the request (the last user message, or a RAG prompt's question) is embedded with the local model
/// and compared with every example sentence, after the mean of ordinary sentences (<see cref="TopicBackground"/>) is taken
/// off both; a topic's similarity is its best example's (examples of one topic may be far apart, so no centroid). Closer
/// to a denied topic than to every allowed one and at least <c>deniedAbove</c>, or below <c>allowedAbove</c> for every
/// allowed topic, the request gets the polite refusal (block) or is flagged. The examples are embedded once, on first use.
/// </summary>
internal sealed class TopicGuard(TopicGuardOptions options, IEmbeddingGenerator<string, Embedding<float>> embedder) : IInputGuard
{
    private readonly Lock _gate = new();
    private Task<(List<(string Topic, bool Allowed, float[] Vector)> Examples, float[] Mean)>? _examples;

    public async ValueTask<GuardVerdict> CheckAsync(InputCheck check, IChatClient models, CancellationToken cancellationToken)
    {
        if (check.LastUserText() is not { Length: > 0 } text)
        {
            return GuardVerdict.Allow(GuardNames.Topic, "nothing to check");
        }

        var (examples, mean) = await ExamplesAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        var request = Centered((await embedder.GenerateAsync([text], cancellationToken: cancellationToken).ConfigureAwait(false))[0].Vector.Span, mean);
        var scores = examples.Select(e => (e.Topic, e.Allowed, Score: TensorPrimitives.CosineSimilarity(request, e.Vector))).ToList();
        var denied = scores.Where(s => !s.Allowed).OrderByDescending(s => s.Score).FirstOrDefault();
        var allowed = scores.Where(s => s.Allowed).OrderByDescending(s => s.Score).FirstOrDefault();
        var span = new GuardSpan(0, text.Length, "topic");
        if (denied.Topic is not null && denied.Score >= options.DeniedAbove && (allowed.Topic is null || denied.Score > allowed.Score))
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
    private Task<(List<(string Topic, bool Allowed, float[] Vector)> Examples, float[] Mean)> ExamplesAsync()
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

    private async Task<(List<(string Topic, bool Allowed, float[] Vector)> Examples, float[] Mean)> EmbedExamplesAsync()
    {
        var examples = options.Allowed.SelectMany(t => t.Value.Select(e => (t.Key, true, e)))
            .Concat(options.Denied.SelectMany(t => t.Value.Select(e => (t.Key, false, e)))).ToList();
        var vectors = await embedder.GenerateAsync([.. examples.Select(e => e.e), .. TopicBackground.Sentences], cancellationToken: CancellationToken.None).ConfigureAwait(false);
        var mean = new float[vectors[0].Vector.Length];
        foreach (var background in vectors.Skip(examples.Count))
        {
            TensorPrimitives.Add(mean, background.Vector.Span, mean);
        }

        TensorPrimitives.Divide(mean, TopicBackground.Sentences.Count, mean);
        return ([.. examples.Select((e, i) => (e.Key, e.Item2, Centered(vectors[i].Vector.Span, mean)))], mean);
    }

    private static float[] Centered(ReadOnlySpan<float> vector, float[] mean)
    {
        var centered = new float[vector.Length];
        TensorPrimitives.Subtract(vector, mean, centered);
        return centered;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
