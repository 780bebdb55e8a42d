using Grounded.Gateway.Cache;
using Grounded.Redis;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;

namespace Grounded.Hosting.Caching;

/// <summary>
/// The answer caches' storage: Microsoft's <see cref="HybridCache"/>, in memory, over Redis as its shared second level
/// when Redis is configured (replicas then serve each other's answers).
/// </summary>
internal sealed class AnswerCaches : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private AnswerCaches(ServiceProvider services, ISemanticIndex semantic)
    {
        _services = services;
        Exact = services.GetRequiredService<HybridCache>();
        Semantic = semantic;
    }

    /// <summary>Gets the exact cache's storage.</summary>
    public HybridCache Exact { get; }

    /// <summary>Gets the semantic cache's index (in memory: each replica keeps its own).</summary>
    public ISemanticIndex Semantic { get; }

    /// <summary>Gets the semantic cache's embedder: the store's model, once the stack is built.</summary>
    public RagQueryEmbedder Embedder { get; } = new();

    public static AnswerCaches Create(CacheOptions options, RedisConnection? redis, TimeProvider time)
    {
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddHybridCache(o =>
        {
            o.MaximumPayloadBytes = 4 << 20;
            o.MaximumKeyLength = 1024;
            o.DefaultEntryOptions = new HybridCacheEntryOptions { Expiration = options.Ttl, LocalCacheExpiration = options.Ttl };
        });
        if (redis is not null)
        {
            services.AddSingleton<IDistributedCache>(RedisAnswerCache.Create(redis, time));
        }

        return new AnswerCaches(services.BuildServiceProvider(), new InMemorySemanticIndex(options.SemanticEntriesPerScope, time));
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
