using Grounded.Gateway.Pipeline;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Hybrid;

namespace Grounded.Gateway.Cache;

/// <summary>Adds the answer caches at the gateway's cache stage.</summary>
public static class CacheGatewayBuilderExtensions
{
    /// <summary>Answers identical requests from <paramref name="cache"/> (in memory, plus Redis when the cache has that level).</summary>
    /// <param name="builder">The gateway being built.</param>
    /// <param name="cache">Where answers are kept.</param>
    /// <param name="options">The cache settings.</param>
    /// <param name="failed">Told about lookups and stores that failed (each is served as a miss).</param>
    public static GatewayBuilder UseExactCache(this GatewayBuilder builder, HybridCache cache, CacheOptions options, Action<Exception>? failed = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(options);
        return builder.Use(GatewayStage.Cache, inner => new ExactCacheChatClient(inner, cache, options, failed));
    }

    /// <summary>
    /// Answers requests with the same meaning as an earlier one from <paramref name="index"/>; added after the exact cache,
    /// it is asked only when that one misses.
    /// </summary>
    /// <param name="builder">The gateway being built.</param>
    /// <param name="embedder">Embeds request texts (the local model).</param>
    /// <param name="index">Where entries are kept.</param>
    /// <param name="options">The cache settings (threshold, TTL).</param>
    /// <param name="failed">Told about lookups and stores that failed (each is served as a miss).</param>
    public static GatewayBuilder UseSemanticCache(this GatewayBuilder builder, IEmbeddingGenerator<string, Embedding<float>> embedder, ISemanticIndex index, CacheOptions options, Action<Exception>? failed = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(options);
        return builder.Use(GatewayStage.Cache, inner => new SemanticCacheChatClient(inner, embedder, index, options, failed));
    }
}
