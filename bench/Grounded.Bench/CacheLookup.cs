using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Grounded.Gateway.Cache;
using Grounded.Gateway.Context;
using Grounded.Hosting.Caching;
using Grounded.Redis;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Hybrid;

namespace Grounded.Bench;

/// <summary>
/// What a cache lookup costs at 100k entries: the exact cache's key (SHA-256 of the normalised request) plus its
/// HybridCache read, for hits and misses in memory and — a replica that has not seen the entry — in Redis; and the
/// semantic index's nearest-entry scan over one scope of N unit vectors. Baselines in the same run: computing the key
/// alone, and a raw Redis GET round trip.
/// </summary>
internal static class CacheLookup
{
    private const string Usage = "usage: cache-lookup [--entries 100000] [--lookups 20000] [--redis HOST:PORT] [--json FILE]";

    private sealed record Result(string Case, int Lookups, double P50Us, double P99Us, double MeanUs);

    public static async Task<int> RunAsync(string[] args)
    {
        Args options;
        try
        {
            options = Args.Parse(args);
        }
        catch (Exception error) when (error is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(Usage);
            return 1;
        }

        var entries = options.GetInt("entries", 100_000);
        var lookups = Math.Min(entries - 200, options.GetInt("lookups", 20_000)); // 200 more are kept for the warm-up
        var redisUrl = options.Get("redis") ?? Environment.GetEnvironmentVariable("GROUNDED_TEST_REDIS");
        var results = new List<Result>();
        var requests = Enumerable.Range(0, entries).Select(Request).ToList();
        var answer = new CachedAnswer { Text = new string('x', 400), Model = "small", InputTokens = 120, OutputTokens = 90, Cost = 0.0012m };

        results.Add(Time("key only (SHA-256 of the request)", lookups, i => { _ = CacheKeys.Exact(requests[i].Messages, requests[i].Options); return ValueTask.CompletedTask; }));

        await using (var memory = Hybrid(null))
        {
            var cache = memory.Exact;
            await FillAsync(cache, requests, answer);
            results.Add(await TimeAsync($"exact hit, in memory ({entries:N0} entries)", lookups, i => ReadAsync(cache, requests[i])));
            results.Add(await TimeAsync("exact miss, in memory", lookups, i => ReadAsync(cache, Request(entries + i))));
        }

        if (redisUrl is not null)
        {
            await using var redis = new RedisConnection(new RedisOptions { ConnectionString = redisUrl, KeyPrefix = $"bench-{Guid.NewGuid():N}:" });
            if (await redis.CheckHealthAsync(default) is { Healthy: false } health)
            {
                Console.Error.WriteLine($"Redis at {redisUrl} does not answer ({health.Error}): start it (scripts/services.sh start) or leave --redis out");
                return 1;
            }

            var db = await redis.GetDatabaseAsync(default);
            results.Add(await TimeAsync("baseline: Redis GET round trip", lookups, async i => await db.StringGetAsync(redis.KeyPrefix + "none:" + i)));
            await using (var writer = Hybrid(redis))
            {
                await FillAsync(writer.Exact, requests, answer);
            }

            await using var replica = Hybrid(redis); // another replica: nothing in its memory yet
            var cache = replica.Exact;
            results.Add(await TimeAsync($"exact hit, from Redis ({entries:N0} entries)", lookups, i => ReadAsync(cache, requests[i])));
            results.Add(await TimeAsync("exact miss, memory then Redis", lookups, i => ReadAsync(cache, Request(entries + i))));
        }

        foreach (var size in new[] { 1_000, 10_000, entries }.Distinct())
        {
            var index = new InMemorySemanticIndex(size, TimeProvider.System);
            var random = new Random(7);
            for (var i = 0; i < size; i++)
            {
                await index.AddAsync("scope", UnitVector(random), answer with { RequestText = "q" + i }, TimeSpan.FromHours(1), default);
            }

            var queries = Enumerable.Range(0, 2_200).Select(_ => UnitVector(random)).ToList();
            results.Add(await TimeAsync($"semantic scan, one scope of {size:N0}", Math.Min(lookups, 2_000), async i => await index.NearestAsync("scope", queries[i], 4, default)));
        }

        foreach (var r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Case,-46} p50 {r.P50Us,9:0.0} µs  p99 {r.P99Us,9:0.0} µs  mean {r.MeanUs,8:0.0} µs  ({r.Lookups:N0} lookups)"));
        }

        if (options.Get("json") is { } json)
        {
            await File.WriteAllTextAsync(json, JsonSerializer.Serialize(new { entries, lookups, redis = redisUrl is not null, results }));
        }

        return 0;
    }

    private static (List<ChatMessage> Messages, ChatOptions Options) Request(int i)
    {
        var context = new GatewayContext("chat") { Tenant = "acme" };
        var options = context.AttachTo(new ChatOptions { ModelId = "small", Temperature = 0, MaxOutputTokens = 400 });
        return ([new(ChatRole.System, "You are a helpful assistant for Acme's support team."), new(ChatRole.User, $"Question {i}: how do I reset my password on device {i % 97}?")], options);
    }

    // The product's answer caches (the composition root's storage), with entries that leave Redis on their own.
    private static AnswerCaches Hybrid(RedisConnection? redis) =>
        AnswerCaches.Create(new CacheOptions { Ttl = TimeSpan.FromMinutes(10) }, redis, TimeProvider.System);

    private static async Task FillAsync(HybridCache cache, List<(List<ChatMessage> Messages, ChatOptions Options)> requests, CachedAnswer answer)
    {
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (r, ct) =>
            await cache.SetAsync(CacheKeys.Exact(r.Messages, r.Options), answer, cancellationToken: ct));
    }

    private static readonly HybridCacheEntryOptions ReadOnly = new() { Flags = HybridCacheEntryFlags.DisableUnderlyingData };

    private static async ValueTask ReadAsync(HybridCache cache, (List<ChatMessage> Messages, ChatOptions Options) request) =>
        _ = await cache.GetOrCreateAsync<CachedAnswer?>(CacheKeys.Exact(request.Messages, request.Options), static _ => ValueTask.FromResult<CachedAnswer?>(null), ReadOnly);

    private static float[] UnitVector(Random random)
    {
        var v = new float[384];
        for (var d = 0; d < v.Length; d++)
        {
            v[d] = (float)(random.NextDouble() - 0.5);
        }

        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return [.. v.Select(x => x / norm)];
    }

    private static Result Time(string name, int count, Func<int, ValueTask> call) => TimeAsync(name, count, call).GetAwaiter().GetResult();

    private static async Task<Result> TimeAsync(string name, int count, Func<int, ValueTask> call)
    {
        for (var i = count; i < count + 200; i++)
        {
            await call(i); // warm up on entries the timed loop does not read
        }

        var micros = new double[count];
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await call(i);
            micros[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        Array.Sort(micros);
        return new Result(name, count, micros[count / 2], micros[(int)(count * 0.99)], Math.Round(micros.Average(), 1));
    }
}
