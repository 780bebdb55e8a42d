using Grounded.Bench.Load.Traffic;
using Grounded.Testing.Upstream;

namespace Grounded.Bench.Load.Chaos;

/// <summary>
/// The primary provider answers 429, 5xx or hangs for 6 s under load (chat, streamed chat, /v1/ask with a model, no cache
/// hits); the fallback stays healthy, so no client may see an error, and the fallback must have served.
/// </summary>
internal sealed class ProviderFault(string name, string what, Func<Step> step) : Fault
{
    public static IEnumerable<Fault> All() =>
    [
        new ProviderFault("provider-429", "returns 429 with Retry-After", () => new Step.Fail(429, RetryAfter: "1")),
        new ProviderFault("provider-5xx", "returns 500 and 503", () => Random.Shared.Next(2) == 0 ? new Step.Fail(500) : new Step.Fail(503)),
        new ProviderFault("provider-hang", "accepts requests and never answers", () => new Step.Hang()),
    ];

    public override string Name => name;

    public override string Expected => $"the primary provider {what} for 6 s: every request is answered by the fallback (no client error), and the primary serves again once healed";

    public override async Task<(string Observed, bool Passed)> RunAsync(ChaosContext context)
    {
        var cluster = context.Cluster;
        var outcomes = await context.UnderLoadAsync(10, TimeSpan.FromSeconds(16), ChaosContext.Uncached(Kind.Chat, Kind.ChatStream, Kind.AskWithModel), async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
            cluster.Primary.Default = step();
            await Task.Delay(TimeSpan.FromSeconds(6));
            cluster.HealProviders(context.Options);
        });
        var faulted = outcomes.Where(o => o.SentS is >= 3 and < 9).ToList();
        var byFallback = faulted.Count(o => o.Model == "large");
        var observed = $"{outcomes.Count} requests, errors: {ChaosContext.Errors(outcomes)}; {byFallback} of {faulted.Count} sent during the fault served by the fallback 'large'; " +
            $"p99 {Summary.F(Summary.P(outcomes, 0.99), "0")} ms";
        await context.SettleAsync(TimeSpan.FromSeconds(30)); // the primary's circuit closes again before the next fault
        using var probe = Mix.JsonPost(cluster.Replicas[0].Url, "/v1/chat/completions", Mix.Chat($"after {name}", stream: false));
        using var response = await context.Client.SendAsync(probe);
        var healed = response.Headers.TryGetValues("x-grounded-model", out var model) && model.First() == "small";
        observed += healed ? "; the primary serves again" : "; the primary did not serve again";
        return (observed, outcomes.All(o => o.Ok) && byFallback > 0 && healed);
    }
}
