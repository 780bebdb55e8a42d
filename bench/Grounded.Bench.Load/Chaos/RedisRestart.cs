using System.Globalization;
using System.Text.Json.Nodes;
using Grounded.Bench.Load.Traffic;

namespace Grounded.Bench.Load.Chaos;

/// <summary>
/// Redis stops for 4 s and starts again (append-only persistence on, as docs/tenants-and-keys.md asks) while two replicas
/// take requests under a budget and then under a key's rate limit, with <c>limits.onRedisFailure: closed</c>. While Redis
/// is down the limited requests are refused clearly; across the restart the budget is never overspent by more than one
/// request and the rate limit never admits more than its bucket allows, plus one.
/// </summary>
internal sealed class RedisRestart : Fault
{
    /// <summary>The budget the chaos configuration gives the end user <c>chaos-budget</c>, in dollars a day.</summary>
    public const double BudgetUsd = 0.0001;

    public const int RequestsPerMinute = 20;

    /// <summary>The end user under the budget: new for each run, since the budget's spending outlives the run in Redis (append-only).</summary>
    public static readonly string User = $"chaos-budget-{DateTime.UtcNow:MMddHHmmss}-{Environment.ProcessId}";

    public static string Config => $$"""
        limits: { onRedisFailure: closed }
        budgets:
          - { scope: user, match: {{User}}, usdPerDay: {{BudgetUsd.ToString(CultureInfo.InvariantCulture)}} }
        """;

    public override string Name => "redis-restart";

    public override string Expected => $"while Redis is down, budgeted and rate-limited requests are refused clearly (503/429, onRedisFailure: closed); spending stays within the ${BudgetUsd} budget plus one request; a {RequestsPerMinute}-rpm key is never admitted more than its bucket allows plus one; both recover without restarting Grounded";

    public override async Task<(string Observed, bool Passed)> RunAsync(ChaosContext context)
    {
        var (budgetObserved, budgetPassed) = await BudgetAsync(context);
        var (limitObserved, limitPassed) = await RateLimitAsync(context);
        return ($"budget: {budgetObserved}; rate limit: {limitObserved}", budgetPassed && limitPassed);
    }

    private static async Task<(string, bool)> BudgetAsync(ChaosContext context)
    {
        var outage = new double[2];
        var tag = DateTime.UtcNow.Ticks;
        var outcomes = await context.UnderLoadAsync(4, TimeSpan.FromSeconds(20), i => new Planned(Kind.Chat, url =>
        {
            var body = Mix.Chat($"budgeted question {tag}-{i}", stream: false, maxTokens: 10);
            body["user"] = User;
            return Mix.JsonPost(url, "/v1/chat/completions", body);
        }), () => OutageAsync(context, TimeSpan.FromSeconds(3), outage));
        var served = outcomes.Where(o => o.Ok).ToList();
        var spent = served.Sum(o => o.CostUsd);
        var largest = served.Count == 0 ? 0 : served.Max(o => o.CostUsd);
        var duringOutage = outcomes.Where(o => o.SentS >= outage[0] + 0.1 && o.SentS < outage[1]).ToList();
        // Refused, or held until Redis returned (the client's Redis commands wait for a reconnection up to their timeout): never admitted without it.
        var refusedClearly = duringOutage.Count(o => o.Error is "http_503" or "http_429" || (o.Ok && o.EndS >= outage[1]));
        var unclear = outcomes.Count(o => !o.Ok && o.Error is not ("http_503" or "http_429"));
        var servedAfter = served.Count(o => o.SentS >= outage[1]);
        var exhausted = outcomes.Any(o => o.Error == "http_429" && o.Detail?.Contains("budget exceeded", StringComparison.Ordinal) == true);
        var servedDuring = string.Join(' ', duringOutage.Where(o => o.Ok).Select(o => $"sent {o.SentS:0.00} s, answered {o.EndS:0.00} s"));
        var observed = $"Redis down from {outage[0]:0.00} s to {outage[1]:0.00} s; {outcomes.Count} requests, {served.Count} served for ${spent:0.0000000} (largest ${largest:0.0000000}); during the outage {refusedClearly} of {duringOutage.Count} refused with 503/429 or held until Redis returned{(servedDuring.Length > 0 ? $" (served: {servedDuring})" : "")}; " +
            $"other failures {unclear}; served after Redis returned {servedAfter}; budget_exceeded seen {exhausted}";
        var passed = spent <= BudgetUsd + largest + 1e-12 && duringOutage.Count > 0 && refusedClearly == duringOutage.Count && unclear == 0 && servedAfter > 0 && exhausted;
        return (observed, passed);
    }

    private static async Task<(string, bool)> RateLimitAsync(ChaosContext context)
    {
        var created = await context.Cluster.RunCliAsync(TimeSpan.FromMinutes(1), "keys", "create", "--tenant", "default", "--role", "writer", "--name", "chaos-limited", "--rpm", RequestsPerMinute.ToString(CultureInfo.InvariantCulture), "--json");
        if (created.ExitCode != 0)
        {
            return ($"could not create the key: {created.Error.Trim()}", false);
        }

        var key = JsonNode.Parse(created.Output)!["key"]!.GetValue<string>();
        var tag = DateTime.UtcNow.Ticks;
        var seconds = 20;
        var outage = new double[2];
        var outcomes = await context.UnderLoadAsync(4, TimeSpan.FromSeconds(seconds), i => new Planned(Kind.Embeddings, url =>
        {
            var request = Mix.JsonPost(url, "/v1/embeddings", new JsonObject { ["model"] = "local", ["input"] = $"limited {tag}-{i}" });
            request.Headers.Authorization = new("Bearer", key);
            return request;
        }), () => OutageAsync(context, TimeSpan.FromSeconds(5), outage));
        var admitted = outcomes.Count(o => o.Ok);
        var elapsed = outcomes.Max(o => o.SentS) - outcomes.Min(o => o.SentS);
        var allowed = RequestsPerMinute + (RequestsPerMinute / 60.0 * elapsed);
        var unclear = outcomes.Count(o => !o.Ok && o.Error is not ("http_503" or "http_429"));
        var admittedAfter = outcomes.Count(o => o.Ok && o.SentS >= outage[1]);
        var observed = $"Redis down from {outage[0]:0.0} s to {outage[1]:0.0} s; {outcomes.Count} requests over {elapsed:0.0} s, {admitted} admitted (the bucket allows {allowed:0.0}); refusals {ChaosContext.Errors(outcomes)}; admitted after Redis returned {admittedAfter}";
        return (observed, admitted <= allowed + 1 && unclear == 0 && admittedAfter > 0);
    }

    // Records when Redis was down (seconds of the load's clock) in outage[0] and when it began to start again in outage[1].
    private static async Task OutageAsync(ChaosContext context, TimeSpan after, double[] outage)
    {
        await Task.Delay(after);
        context.Say("redis-restart: stopping Redis");
        await context.Cluster.Services.DownAsync("redis");
        outage[0] = context.LoadClock.Elapsed.TotalSeconds;
        await Task.Delay(TimeSpan.FromSeconds(4));
        outage[1] = context.LoadClock.Elapsed.TotalSeconds;
        await context.Cluster.Services.UpAsync();
        context.Say("redis-restart: Redis is back");
    }
}
