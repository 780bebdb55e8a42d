using System.Collections.Concurrent;
using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Cache;

/// <summary>
/// Answers a request from an earlier one with the same meaning: same scope (tenant, model, prompt version, every
/// message but the last user message, parameters — <see cref="CacheKeys.Scope"/>), and a last user message (or the
/// caller's question, for answer prompts) whose embedding is close enough and which the matcher's paraphrase guard does
/// not set apart (negation, numbers, swapped entities).
/// </summary>
internal sealed class SemanticCacheChatClient(
    IChatClient inner, IEmbeddingGenerator<string, Embedding<float>> embedder, ISemanticIndex index, CacheOptions options, Action<Exception>? failed = null)
    : AnswerCacheChatClient(inner, options)
{
    private const int Candidates = 4;
    private readonly SemanticMatcher _matcher = new(options.SemanticThreshold);
    private const int RecentCapacity = 1024;
    private readonly ConcurrentDictionary<string, float[]> _recent = new(StringComparer.Ordinal);

    protected override string HitOutcome => Context.CacheOutcomes.Semantic;

    // Only text is compared by meaning: a last message with an image, audio or a file is left to the exact cache.
    protected override bool Serves(IList<ChatMessage> messages, ChatOptions? options) =>
        Options.Semantic && CacheKeys.SemanticText(messages, options).Text.Length > 0
        && (messages.LastOrDefault(m => m.Role == ChatRole.User)?.Contents.All(c => c is TextContent) ?? true);

    protected override async Task<CachedAnswer?> FindAsync(IList<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
    {
        var text = CacheKeys.SemanticText(messages, options).Text;
        var vector = await EmbedAsync(text, cancellationToken).ConfigureAwait(false);
        foreach (var entry in await index.NearestAsync(CacheKeys.Scope(messages, options), vector, Candidates, cancellationToken).ConfigureAwait(false))
        {
            // The index gives the entries nearest first; the matcher's guard may still set the nearest apart (a number,
            // a negation, swapped names), and the next may be the same question asked another way.
            if (entry.Cosine >= Options.SemanticThreshold && _matcher.Accepts(text, entry.Text, entry.Cosine).IsHit)
            {
                return entry.Answer;
            }
        }

        return null;
    }

    protected override async Task StoreAsync(IList<ChatMessage> messages, ChatOptions? options, CachedAnswer answer, CancellationToken cancellationToken)
    {
        var vector = await EmbedAsync(answer.RequestText ?? string.Empty, cancellationToken).ConfigureAwait(false);
        await index.AddAsync(CacheKeys.Scope(messages, options), vector, answer, Options.Ttl, cancellationToken).ConfigureAwait(false);
    }

    protected override void OnFailure(Exception error) => failed?.Invoke(error);

    // A miss embeds its text once: the lookup's vector is kept for the store that follows it.
    private async Task<float[]> EmbedAsync(string text, CancellationToken cancellationToken)
    {
        if (_recent.TryGetValue(text, out var known))
        {
            return known;
        }

        var embedding = await embedder.GenerateAsync([CacheText.Normalize(text)], cancellationToken: cancellationToken).ConfigureAwait(false);
        var vector = embedding[0].Vector.ToArray();
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }

        if (_recent.Count >= RecentCapacity)
        {
            _recent.Clear();
        }

        _recent[text] = vector;
        return vector;
    }
}
