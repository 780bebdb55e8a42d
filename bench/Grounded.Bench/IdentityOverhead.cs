using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Grounded.Access;
using Grounded.Gateway.Limits;
using Grounded.Hosting.Access;
using Grounded.Rag.Access;
using Grounded.Redis;

namespace Grounded.Bench;

/// <summary>
/// What identity and rate limits add to each request: the server's two first stages (<see cref="KeyAuthenticator"/> then
/// <see cref="KeyRateLimits"/>' take; the settle runs after the response, as in the server, and is not timed) timed call by call, for store keys with request and token limits, with the
/// buckets in process and in Redis, against the cheapest identity there is (a key from the config file, no limits) as the
/// baseline. Requests are paced (default 2,000/s over 50 keys), so each key's half-second trust expires as in service and
/// about one request in twenty reads its key from the store (SQLite). The three take turns request by request.
/// </summary>
internal static class IdentityOverhead
{
    private const string Usage = "usage: identity-overhead [--requests 60000] [--rate 2000] [--keys 50] [--redis HOST:PORT] [--json FILE]";

    private sealed record Result(string Stage, int Requests, double P50Us, double P99Us, double P999Us, double MeanUs);

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

        var requests = options.GetInt("requests", 60_000);
        var rate = Math.Max(1, options.GetInt("rate", 2_000));
        var keyCount = Math.Max(1, options.GetInt("keys", 50));
        var dir = Directory.CreateTempSubdirectory("grounded-identity-bench-").FullName;
        await using var store = await SqliteAccessStore.OpenAsync(dir);
        var secrets = new List<string>();
        for (var i = 0; i < keyCount; i++)
        {
            secrets.Add((await store.CreateAsync(new NewApiKey("acme", Role.Reader) { RequestsPerMinute = 1_000_000, TokensPerMinute = 100_000_000 }, default)).Secret);
        }

        var config = "sk-config-key";
        var authenticator = new KeyAuthenticator([Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(config)))], _ => Task.FromResult<IAccessStore>(store));
        var local = new KeyRateLimits(new TokenBucketLimiter());
        var redisUrl = options.Get("redis") ?? Environment.GetEnvironmentVariable("GROUNDED_TEST_REDIS");
        await using var redis = redisUrl is null ? null : new RedisConnection(new RedisOptions { ConnectionString = redisUrl, KeyPrefix = $"bench-{Guid.NewGuid():N}:" });
        if (redis is not null && await redis.CheckHealthAsync(default) is { Healthy: false } health)
        {
            Console.Error.WriteLine($"Redis at {redisUrl} does not answer ({health.Error}): start it (scripts/services.sh start) or leave --redis out");
            return 1; // measuring the fallback instead would be a wrong figure under the right name
        }

        var shared = redis is null ? null : new KeyRateLimits(new FailoverRateLimiter(new RedisRateLimiter(redis), RedisRateLimiter.IsOutage, RateLimitFailure.Local));
        var settle = new List<Task>();
        var stages = new List<(string Name, Func<int, ValueTask> Run)>
        {
            ("baseline: config key, no limits", async _ => await authenticator.AuthenticateAsync("Bearer " + config, default)),
            ("store key + limits in process", i => OneAsync(authenticator, local, secrets[i % keyCount], settle)),
        };
        if (shared is not null)
        {
            stages.Add(("store key + limits in Redis", i => OneAsync(authenticator, shared, secrets[i % keyCount], settle)));
        }

        var times = stages.Select(_ => new List<double>(requests)).ToArray();
        var interval = Stopwatch.Frequency / (double)rate;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < requests; i++)
        {
            while (Stopwatch.GetTimestamp() - start < i * interval)
            {
                Thread.Yield(); // not a spin: on 2 cores a spinning pacer would take a core from Redis and the client's I/O thread
            }

            var s = i % stages.Count;
            var t0 = Stopwatch.GetTimestamp();
            await stages[s].Run(i / stages.Count);
            times[s].Add(Stopwatch.GetElapsedTime(t0).TotalMicroseconds);
        }

        await Task.WhenAll(settle);
        var results = stages.Select((stage, i) => Summarise(stage.Name, times[i].Skip(times[i].Count / 10).ToList())).ToList(); // first 10%: warm-up
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Stage,-34} p50 {r.P50Us,8:0.0} µs  p99 {r.P99Us,8:0.0} µs  p99.9 {r.P999Us,8:0.0} µs  mean {r.MeanUs,7:0.0} µs"));
        }

        if (options.Get("json") is { } json)
        {
            await File.WriteAllTextAsync(json, JsonSerializer.Serialize(new { requests, rate, keys = keyCount, results }));
        }

        Directory.Delete(dir, recursive: true);
        return 0;
    }

    // What the request waits for: identity, then the limits' take. The settle runs after the response (as the server runs it), untimed.
    private static async ValueTask OneAsync(KeyAuthenticator authenticator, KeyRateLimits limits, string secret, List<Task> settle)
    {
        var caller = (await authenticator.AuthenticateAsync("Bearer " + secret, default)).Identity ?? throw new InvalidOperationException("a bench key was refused");
        if (!(await limits.AcquireAsync(caller, default)).Allowed)
        {
            throw new InvalidOperationException("a bench key hit its limit");
        }

        settle.Add(limits.SettleAsync(caller, 120, default).AsTask());
    }

    private static Result Summarise(string name, List<double> times)
    {
        var sorted = times.Order().ToArray();
        double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return new Result(name, sorted.Length, At(0.5), At(0.99), At(0.999), times.Average());
    }
}
