using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Hybrid;

namespace Grounded.Gateway.Cache;

/// <summary>
/// Answers a request identical to an earlier one (<see cref="CacheKeys.Exact"/>: tenant, model, prompt version, messages,
/// parameters) from a <see cref="HybridCache"/>: in memory, and in Redis when configured so replicas share it.
/// </summary>
internal sealed class ExactCacheChatClient(IChatClient inner, HybridCache cache, CacheOptions options, Action<Exception>? failed = null)
    : AnswerCacheChatClient(inner, options)
{
    private static readonly HybridCacheEntryOptions ReadOnly = new()
    {
        Flags = HybridCacheEntryFlags.DisableUnderlyingData | HybridCacheEntryFlags.DisableLocalCacheWrite | HybridCacheEntryFlags.DisableDistributedCacheWrite,
    };

    private readonly HybridCacheEntryOptions _write = new() { Expiration = options.Ttl, LocalCacheExpiration = options.Ttl };

    protected override string HitOutcome => Context.CacheOutcomes.Exact;

    protected override bool Serves(IList<ChatMessage> messages, ChatOptions? options) => Options.Exact;

    protected override async Task<CachedAnswer?> FindAsync(IList<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync<CachedAnswer?>(CacheKeys.Exact(messages, options), static _ => ValueTask.FromResult<CachedAnswer?>(null), ReadOnly, cancellationToken: cancellationToken)
            .ConfigureAwait(false);

    protected override async Task StoreAsync(IList<ChatMessage> messages, ChatOptions? options, CachedAnswer answer, CancellationToken cancellationToken) =>
        await cache.SetAsync(CacheKeys.Exact(messages, options), answer, _write, cancellationToken: cancellationToken).ConfigureAwait(false);

    protected override void OnFailure(Exception error) => failed?.Invoke(error);
}
