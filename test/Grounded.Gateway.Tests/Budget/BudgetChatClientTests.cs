using Grounded.Access;
using Grounded.Gateway.Budget;
using Grounded.Gateway.Config;
using Grounded.Gateway.Context;
using Grounded.Gateway.Failures;
using Grounded.Gateway.Pipeline;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;

namespace Grounded.Gateway.Tests.Budget;

/// <summary>
/// Budgets through the real pipeline, on a fake clock: a request reserves its most possible cost (prompt at $1 and 250 output
/// tokens at $2 per thousand: about $0.51), and a scripted model answers with usage costing $0.50 unless a test says otherwise.
/// </summary>
public sealed class BudgetChatClientTests : IDisposable
{
    private static readonly ModelOptions Small = new()
    {
        Name = "small", Provider = "openai", ProviderModel = "s", ContextWindow = 8000, MaxOutputTokens = 1000, InputPerMTok = 1000, OutputPerMTok = 2000,
    };

    private static readonly ModelOptions Big = Small with { Name = "big", InputPerMTok = 10_000, OutputPerMTok = 10_000 };

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 15, 0, 0, TimeSpan.Zero));
    private readonly ScriptableChatClient _provider = new()
    {
        Default = (_, _) => ScriptableChatClient.Reply("fine", new UsageDetails { InputTokenCount = 100, OutputTokenCount = 200 }), // $0.10 + $0.40
    };

    private readonly InMemoryBudgetStore _store;

    public BudgetChatClientTests() => _store = new InMemoryBudgetStore(_time);

    public void Dispose() => _provider.Dispose();

    [Fact]
    public async Task RefusesOnceTheDailyBudgetIsSpentNamingTheBudgetAndWhenItResets()
    {
        using var gateway = Gateway(Tenant("*", perDay: 1.00m));

        await AskAsync(gateway);
        var refused = await Assert.ThrowsAsync<BudgetExceededException>(() => AskAsync(gateway));

        Assert.Equal(429, refused.Status);
        Assert.Equal("budget_exceeded", refused.Code);
        Assert.Equal(
            "budget exceeded: tenant 'default' has spent $0.50 of its $1.00 daily budget, too little for this request's $0.51; it resets at 2026-12-03T00:00:00Z",
            refused.Message);
        Assert.Equal(TimeSpan.FromHours(9), refused.RetryAfter);
        Assert.Single(_provider.Calls);
    }

    [Fact]
    public async Task ADailyBudgetIsWholeAgainAtMidnightUtc()
    {
        using var gateway = Gateway(Tenant("*", perDay: 1.00m));
        await AskAsync(gateway);
        await Assert.ThrowsAsync<BudgetExceededException>(() => AskAsync(gateway));

        _time.SetUtcNow(new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero));
        await AskAsync(gateway);

        Assert.Equal(2, _provider.Calls.Count);
    }

    [Fact]
    public async Task AMonthlyBudgetLastsUntilTheFirstOfTheNextMonth()
    {
        using var gateway = Gateway(Tenant("*", perMonth: 1.00m));
        await AskAsync(gateway);

        _time.Advance(TimeSpan.FromDays(20)); // 2026-12-22: the same month
        var refused = await Assert.ThrowsAsync<BudgetExceededException>(() => AskAsync(gateway));
        _time.SetUtcNow(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await AskAsync(gateway);

        Assert.Contains("monthly budget", refused.Message, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), refused.ResetsAt);
        Assert.Equal(2, _provider.Calls.Count);
    }

    [Fact]
    public async Task SettlesTheActualCostNotTheEstimate()
    {
        _provider.Default = (_, _) => ScriptableChatClient.Reply("fine", new UsageDetails { InputTokenCount = 100, OutputTokenCount = 0 }); // $0.10
        using var gateway = Gateway(Tenant("*", perDay: 1.00m));

        var served = await ServedUntilRefusedAsync(gateway);

        // Each reserves about $0.51 and settles $0.10: five fit in $1.00 (a sixth would need $0.40 + $0.51), not one.
        Assert.Equal(5, served);
        Assert.Equal(0.50m, _store.Spent("tenant:default:day:2026-12-02"));
    }

    [Fact]
    public async Task ARefusalByOneBudgetReleasesWhatTheOthersReserved()
    {
        using var gateway = Gateway(Tenant("*", perDay: 1.50m), User("alice", perDay: 0.60m));
        await AskAsync(gateway, user: "alice");

        var refused = await Assert.ThrowsAsync<BudgetExceededException>(() => AskAsync(gateway, user: "alice"));
        await AskAsync(gateway, user: "bob"); // fits only if alice's refused request gave its tenant reservation back

        Assert.StartsWith("budget exceeded: user 'alice' has spent $0.50 of its $0.60 daily budget", refused.Message, StringComparison.Ordinal);
        Assert.Equal(2, _provider.Calls.Count);
        Assert.Equal(1.00m, _store.Spent("tenant:default:day:2026-12-02"));
    }

    [Fact]
    public async Task EveryBudgetOfTheRequestMustAdmitIt()
    {
        using var gateway = Gateway(Tenant("*", perDay: 0.60m), Key("k1", perDay: 100m));

        await AskAsync(gateway, Caller("acme", "k1"));
        var refused = await Assert.ThrowsAsync<BudgetExceededException>(() => AskAsync(gateway, Caller("acme", "k1")));

        Assert.StartsWith("budget exceeded: tenant 'acme'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANamedBudgetReplacesTheBudgetOfEachForItsName()
    {
        using var gateway = Gateway(Tenant("*", perDay: 0.60m), Tenant("acme", perDay: 1.20m));

        var acme = await ServedUntilRefusedAsync(gateway, Caller("acme", "k1"));
        var other = await ServedUntilRefusedAsync(gateway, Caller("globex", "k2"));

        Assert.Equal(2, acme);
        Assert.Equal(1, other);
    }

    [Fact]
    public async Task ARequestThatNamesNoUserIsNotUnderUserBudgets()
    {
        using var gateway = Gateway(User("*", perDay: 0.60m));

        var anonymous = await ServedUntilRefusedAsync(gateway, limit: 3);
        var named = await ServedUntilRefusedAsync(gateway, user: "carol");

        Assert.Equal(3, anonymous);
        Assert.Equal(1, named);
    }

    [Fact]
    public async Task ARequestThatMayUseMoreTokensThanABudgetAllowsIsA400ThatSaysHowToFitIt()
    {
        using var gateway = Gateway(Tenant("*", maxTokens: 200));

        var capped = await Assert.ThrowsAsync<BudgetExceededException>(() => AskAsync(gateway, maxOutput: 250));
        var uncapped = await Assert.ThrowsAsync<BudgetExceededException>(() => AskAsync(gateway, maxOutput: null));

        var prompt = gateway.Tokens.Count([new ChatMessage(ChatRole.User, "hello")]);
        Assert.Equal(400, capped.Status);
        Assert.Equal("request_exceeds_budget", capped.Code);
        Assert.Null(capped.RetryAfter);
        Assert.Equal(
            $"request exceeds budget: tenant 'default' allows 200 tokens per request, and this request may use {prompt + 250} ({prompt} prompt tokens + up to 250 output tokens); "
            + $"set max_tokens (max_output_tokens in the Responses API) to at most {200 - prompt}", capped.Message);
        Assert.Contains("up to 1000 output tokens (the model's maxOutputTokens, as the request sets no output limit)", uncapped.Message, StringComparison.Ordinal);
        Assert.Empty(_provider.Calls);
    }

    [Fact]
    public async Task ARequestThatMayCostMoreThanTheWholeBudgetIsA400NotARetry()
    {
        using var gateway = Gateway(Tenant("*", perDay: 0.30m));

        var refused = await Assert.ThrowsAsync<BudgetExceededException>(() => AskAsync(gateway));

        Assert.Equal(400, refused.Status);
        Assert.Contains("more than tenant 'default''s whole $0.30 daily budget", refused.Message, StringComparison.Ordinal);
        Assert.Empty(_provider.Calls);
    }

    [Fact]
    public async Task ARouteNameIsPricedAtTheMostExpensiveModel()
    {
        using var gateway = Gateway(Tenant("*", perDay: 1.00m));

        // At small's prices 250 output tokens cost $0.50; at big's, $2.50.
        var refused = await Assert.ThrowsAsync<BudgetExceededException>(() => AskAsync(gateway, model: "auto"));

        Assert.Equal(400, refused.Status);
        Assert.Contains("at the highest configured prices", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AModelIsPricedAtTheDearestOfItsFallbacks()
    {
        using var gateway = Gateway([Tenant("*", perDay: 1.00m)], fallbacks: true);

        var refused = await Assert.ThrowsAsync<BudgetExceededException>(() => AskAsync(gateway));

        Assert.Contains("at model 'small''s prices", refused.Message, StringComparison.Ordinal);
        Assert.Contains("may cost up to $2.5", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestsInFlightHoldTheirEstimateAndTheRefusalSaysToRetrySoon()
    {
        var gate = new TaskCompletionSource();
        using var gateway = Gateway([Tenant("*", perDay: 1.00m)], provider: new SlowChatClient(_provider, _ => gate.Task));

        var first = AskAsync(gateway);
        var refused = await Assert.ThrowsAsync<BudgetExceededException>(() => AskAsync(gateway));
        gate.SetResult();
        await first;

        Assert.Equal(429, refused.Status);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.RetryAfter);
        Assert.Contains("has spent $0.00 of its $1.00 daily budget, and requests in flight hold $0.51 more", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailedCallReleasesItsReservation()
    {
        _provider.Then((_, _) => throw new InvalidOperationException("scripted failure"));
        using var gateway = Gateway(Tenant("*", perDay: 0.60m));

        await Assert.ThrowsAnyAsync<Exception>(() => AskAsync(gateway));
        await AskAsync(gateway);

        Assert.Equal(0.50m, _store.Spent("tenant:default:day:2026-12-02"));
    }

    [Fact]
    public async Task AStreamSettlesTheCostItsUsageReports()
    {
        using var gateway = Gateway(Tenant("*", perDay: 1.00m));

        var updates = await gateway.Client.GetStreamingResponseAsync("hello", Options()).ToListAsync();

        Assert.NotEmpty(updates);
        Assert.Equal(0.50m, _store.Spent("tenant:default:day:2026-12-02"));
    }

    [Fact]
    public async Task AStreamAbandonedMidwaySettlesThePromptAndTheOutputWrittenSoFar()
    {
        _provider.Default = (_, _) => ScriptableChatClient.Reply("one two three four five six");
        using var gateway = Gateway(Tenant("*", perDay: 1.00m));

        await foreach (var update in gateway.Client.GetStreamingResponseAsync("hello", Options()))
        {
            if (update.Text.Contains("two", StringComparison.Ordinal))
            {
                break;
            }
        }

        var expected = ((gateway.Tokens.Count([new ChatMessage(ChatRole.User, "hello")]) * 1000m) + (gateway.Tokens.Count("one two") * 2000m)) / 1_000_000m;
        Assert.Equal(expected, _store.Spent("tenant:default:day:2026-12-02"));
    }

    [Fact]
    public async Task ARequestWithoutAContextIsCountedAsTheLocalCallers()
    {
        using var gateway = Gateway(Key("local", perDay: 1.00m));

        await gateway.Client.GetResponseAsync("hello", new ChatOptions { ModelId = "small", MaxOutputTokens = 250 });

        Assert.Equal(0.50m, _store.Spent("key:local:day:2026-12-02"));
    }

    private static BudgetOptions Tenant(string match, decimal? perDay = null, decimal? perMonth = null, long? maxTokens = null) =>
        new() { Scope = BudgetScope.Tenant, Match = match, UsdPerDay = perDay, UsdPerMonth = perMonth, MaxTokensPerRequest = maxTokens };

    private static BudgetOptions Key(string match, decimal perDay) => new() { Scope = BudgetScope.Key, Match = match, UsdPerDay = perDay };

    private static BudgetOptions User(string match, decimal perDay) => new() { Scope = BudgetScope.User, Match = match, UsdPerDay = perDay };

    private static CallerIdentity Caller(string tenant, string key) => new(key, tenant, Role.Reader, null);

    private static ChatOptions Options(GatewayContext? context = null, string model = "small", int? maxOutput = 250) =>
        (context ?? new GatewayContext("test")).AttachTo(new ChatOptions { ModelId = model, MaxOutputTokens = maxOutput });

    private static async Task AskAsync(ModelGateway gateway, CallerIdentity? caller = null, string? user = null, string model = "small", int? maxOutput = 250) =>
        await gateway.Client.GetResponseAsync("hello", Options(new GatewayContext("test") { Identity = caller, EndUser = user }, model, maxOutput));

    private static async Task<int> ServedUntilRefusedAsync(ModelGateway gateway, CallerIdentity? caller = null, string? user = null, int limit = 100)
    {
        for (var served = 0; served < limit; served++)
        {
            try
            {
                await AskAsync(gateway, caller, user);
            }
            catch (BudgetExceededException)
            {
                return served;
            }
        }

        return limit;
    }

    private ModelGateway Gateway(params BudgetOptions[] budgets) => Gateway(budgets, provider: null);

    private ModelGateway Gateway(BudgetOptions[] budgets, IChatClient? provider = null, bool fallbacks = false)
    {
        var options = new GatewayOptions
        {
            Models = [Small, Big],
            Fallbacks = fallbacks ? new Dictionary<string, IReadOnlyList<string>> { ["small"] = ["big"] } : new Dictionary<string, IReadOnlyList<string>>(),
            Resilience = Support.Gateways.Resilience(attempts: 1),
        };
        return new GatewayBuilder(options) { Time = _time, ProviderClients = _ => provider ?? _provider }.UseBudgets(budgets, _store).Build();
    }
}
