using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Grounded.Budgets;
using Grounded.Gateway;
using Grounded.Gateway.Budget;
using Grounded.Gateway.Config;
using Grounded.Gateway.Context;
using Grounded.Gateway.Failures;
using Grounded.Gateway.Pipeline;
using Grounded.Redis;
using Microsoft.Extensions.AI;

namespace Grounded.Bench;

/// <summary>
/// How far concurrent clients overspend one budget. N clients (default 50) of one tenant send requests through the real gateway
/// pipeline to a model that answers after 20–80 ms with usage costing 1/8 to all of the request's output limit, each client until
/// the daily budget refuses it for good (a refusal because requests in flight hold the money is retried after its Retry-After).
/// Three ways of counting take turns round by round: budgets in process, budgets in Redis shared by two replicas (when a Redis is
/// given), and, as the baseline, the common check-then-charge (admit while spent &lt; limit, add the cost after) that holds nothing
/// for requests in flight. Overspend is reported as a share of the budget and in units of one request's largest cost.
/// </summary>
internal static class BudgetOverspend
{
    private const string Usage = "usage: budget-overspend [--clients 50] [--budget 0.10] [--rounds 5] [--redis HOST:PORT] [--json FILE]";
    private const int MaxOutput = 400;

    // gpt-4o's list prices: $2.50 and $10 per million tokens.
    private static readonly ModelOptions Model = new()
    {
        Name = "model", Provider = "openai", ProviderModel = "m", ContextWindow = 128_000, MaxOutputTokens = 4096, InputPerMTok = 2.5, OutputPerMTok = 10,
    };

    private static readonly string Prompt = string.Join(' ', Enumerable.Repeat("Summarise the contract's renewal terms for the customer.", 20));

    private sealed record Round(string Counting, int Number, int Served, int InFlightRefusals, decimal Spent, decimal Overspend, double Seconds);

    private sealed record Summary(string Counting, int Rounds, double MeanServed, decimal MeanSpent, decimal MaxOverspend, double MaxOverspendShare, double MaxOverspendRequests, int InFlightRefusals);

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

        var clients = Math.Max(1, options.GetInt("clients", 50));
        var rounds = Math.Max(1, options.GetInt("rounds", 5));
        var budget = decimal.Parse(options.Get("budget", "0.10"), CultureInfo.InvariantCulture);
        var redisUrl = options.Get("redis") ?? Environment.GetEnvironmentVariable("GROUNDED_TEST_REDIS");
        await using var first = redisUrl is null ? null : new RedisConnection(new RedisOptions { ConnectionString = redisUrl, KeyPrefix = $"bench-{Guid.NewGuid():N}:" });
        await using var second = redisUrl is null ? null : new RedisConnection(new RedisOptions { ConnectionString = redisUrl, KeyPrefix = first!.KeyPrefix });
        if (first is not null && await first.CheckHealthAsync(default) is { Healthy: false } health)
        {
            Console.Error.WriteLine($"Redis at {redisUrl} does not answer ({health.Error}): start it (scripts/services.sh start) or leave --redis out");
            return 1;
        }

        var gateway = new GatewayOptions { Models = [Model] };
        var one = Cost(new Gateway.Tokens.PromptTokenCounter().Count([new ChatMessage(ChatRole.User, Prompt)]), MaxOutput);
        var countings = new List<(string Name, Func<IBudgetStore[]> Stores)>
        {
            ("check-then-charge (no reservation)", () => [new CheckThenCharge()]),
            ("reserve, in process", () => [new InMemoryBudgetStore()]),
        };
        if (first is not null)
        {
            countings.Add(("reserve, Redis, 2 replicas", () => [new RedisBudgetStore(first), new RedisBudgetStore(second!)]));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{clients} clients, budget ${budget}/day, one request costs at most ${one:0.#####} ({MaxOutput} output tokens allowed)"));
        var results = new List<Round>();
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var (name, stores) in countings)
            {
                // A tenant of its own per round: the counters start at zero.
                var tenant = $"bench-{round}-{Guid.NewGuid():N}"[..20];
                var gateways = stores().Select(store => Build(gateway, budget, store)).ToArray();
                var result = await RunRoundAsync(gateways, clients, tenant);
                foreach (var g in gateways)
                {
                    g.Dispose();
                }

                var overspend = Math.Max(0, result.Spent - budget);
                results.Add(new Round(name, round, result.Served, result.InFlight, result.Spent, overspend, result.Seconds));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"round {round}  {name,-36} served {result.Served,4}  spent ${result.Spent,9:0.00000}  overspend ${overspend:0.00000} ({overspend / budget:P1}, {overspend / one:0.0} requests)  {result.Seconds:0.0} s"));
            }
        }

        var summaries = countings.Select(c => results.Where(r => r.Counting == c.Name).ToList()).Select(rs => new Summary(
            rs[0].Counting, rs.Count, rs.Average(r => r.Served), rs.Average(r => r.Spent), rs.Max(r => r.Overspend),
            (double)(rs.Max(r => r.Overspend) / budget), (double)(rs.Max(r => r.Overspend) / one), rs.Sum(r => r.InFlightRefusals))).ToList();
        Console.WriteLine();
        foreach (var s in summaries)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{s.Counting,-36} worst overspend {s.MaxOverspendShare:P1} of the budget = {s.MaxOverspendRequests:0.0} requests; mean served {s.MeanServed:0.0}, mean spent ${s.MeanSpent:0.00000}"));
        }

        if (options.Get("json") is { } json)
        {
            await File.WriteAllTextAsync(json, JsonSerializer.Serialize(new { clients, budget, oneRequestMaxCost = one, rounds = results, summaries }));
        }

        return 0;
    }

    private static async Task<(int Served, int InFlight, decimal Spent, double Seconds)> RunRoundAsync(ModelGateway[] gateways, int clients, string tenant)
    {
        var served = 0;
        var inFlight = 0;
        var started = Stopwatch.GetTimestamp();
        var spent = await Task.WhenAll(Enumerable.Range(0, clients).Select(i => Task.Run(async () =>
        {
            var client = gateways[i % gateways.Length].Client;
            var total = 0m;
            while (true)
            {
                var context = new GatewayContext("bench") { Tenant = tenant };
                try
                {
                    await client.GetResponseAsync(Prompt, context.AttachTo(new ChatOptions { ModelId = Model.Name, MaxOutputTokens = MaxOutput }));
                    total += context.Cost;
                    Interlocked.Increment(ref served);
                }
                catch (BudgetExceededException refused) when (refused.RetryAfter is { } wait && wait <= TimeSpan.FromSeconds(1))
                {
                    Interlocked.Increment(ref inFlight);
                    await Task.Delay(wait);
                }
                catch (BudgetExceededException)
                {
                    return total;
                }
            }
        })));
        return (served, inFlight, spent.Sum(), Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    private static ModelGateway Build(GatewayOptions options, decimal budget, IBudgetStore store) =>
        new GatewayBuilder(options) { ProviderClients = _ => new LatencyModel() }
            .UseBudgets([new BudgetOptions { Scope = BudgetScope.Tenant, Match = BudgetOptions.Each, UsdPerDay = budget }], store)
            .Build();

    private static decimal Cost(long input, long output) => ((input * (decimal)Model.InputPerMTok) + (output * (decimal)Model.OutputPerMTok)) / 1_000_000m;

    /// <summary>The baseline: admits while the settled spend is below the limit, holds nothing for requests in flight, adds each cost after.</summary>
    private sealed class CheckThenCharge : IBudgetStore
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<string, decimal> _spent = [];

        public ValueTask<BudgetDecision> ReserveAsync(BudgetCounter counter, decimal amount, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                var spent = _spent.GetValueOrDefault(counter.Key);
                return ValueTask.FromResult(new BudgetDecision(spent < counter.Limit ? new BudgetReservation(counter, 0) : null, spent, 0));
            }
        }

        public ValueTask SettleAsync(BudgetReservation reservation, decimal actual, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                _spent[reservation.Counter.Key] = _spent.GetValueOrDefault(reservation.Counter.Key) + actual;
            }

            return ValueTask.CompletedTask;
        }
    }

    /// <summary>A model that answers after 20–80 ms, writing 1/8 to all of the output it may (its usage says so).</summary>
    private sealed class LatencyModel : IChatClient
    {
        private static readonly Gateway.Tokens.PromptTokenCounter Tokens = new();

        public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Random.Shared.Next(20, 81), cancellationToken);
            var limit = options?.MaxOutputTokens ?? MaxOutput;
            return new ChatResponse(new ChatMessage(ChatRole.Assistant, "done"))
            {
                Usage = new UsageDetails { InputTokenCount = Tokens.Count(messages), OutputTokenCount = Random.Shared.Next(limit / 8, limit + 1) },
            };
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("the harness sends whole requests");

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
