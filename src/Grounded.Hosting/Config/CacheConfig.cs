using Grounded.Gateway.Cache;

namespace Grounded.Hosting.Config;

/// <summary>Reads <c>cache:</c> (<c>exact</c>, <c>semantic</c>, <c>threshold</c>, <c>ttl</c>, <c>sampled</c>, <c>semanticEntriesPerScope</c>).</summary>
internal static class CacheConfig
{
    public static CacheOptions Validate(CacheDocument d, List<string> problems)
    {
        var defaults = new CacheOptions();
        var ttl = defaults.Ttl;
        if (d.Ttl is { } text && (!Durations.TryParse(text, out ttl) || ttl <= TimeSpan.Zero))
        {
            problems.Add($"cache.ttl: '{text}' is not a positive duration (write 30s, 10m, 1h or 7d)");
            ttl = defaults.Ttl;
        }

        if (d.Threshold is { } threshold && SemanticMatcher.ThresholdProblem(threshold) is not null)
        {
            problems.Add($"cache.threshold must be above 0 and at most 1 (got {threshold})");
        }

        if (d.SemanticEntriesPerScope is < 1)
        {
            problems.Add($"cache.semanticEntriesPerScope must be at least 1 (got {d.SemanticEntriesPerScope})");
        }

        return new CacheOptions
        {
            Exact = d.Exact ?? defaults.Exact,
            Semantic = d.Semantic ?? defaults.Semantic,
            SemanticThreshold = d.Threshold ?? defaults.SemanticThreshold,
            Ttl = ttl,
            Sampled = d.Sampled ?? defaults.Sampled,
            SemanticEntriesPerScope = d.SemanticEntriesPerScope ?? defaults.SemanticEntriesPerScope,
        };
    }
}
