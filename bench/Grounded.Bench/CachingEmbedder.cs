using System.Collections.Concurrent;
using Microsoft.Extensions.AI;

namespace Grounded.Bench;

/// <summary>Memoises embeddings by text so a harness asking many questions of one corpus embeds each sentence once.</summary>
internal sealed class CachingEmbedder(IEmbeddingGenerator<string, Embedding<float>> inner)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    private readonly ConcurrentDictionary<string, Embedding<float>> _cache = new(StringComparer.Ordinal);

    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToList();
        var missing = texts.Where(t => !_cache.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            var fresh = await base.GenerateAsync(missing, options, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < missing.Count; i++)
            {
                _cache[missing[i]] = fresh[i];
            }
        }

        return new GeneratedEmbeddings<Embedding<float>>(texts.Select(t => _cache[t]));
    }
}
