using Grounded.Gateway.Budget;
using Grounded.Gateway.Config;
using Grounded.Gateway.Context;
using Grounded.Gateway.Failures;
using Grounded.Gateway.Tokens;
using Grounded.Redis;
using Microsoft.Extensions.AI;

namespace Grounded.Hosting.Tests.Budget;

/// <summary>
/// Budgets from the options, through the stack's gateway: fifty concurrent clients against one small budget, counted in process or in
/// Redis shared by two replicas. Each answer costs exactly what its request reserved, so one request admitted too many would show.
/// </summary>
public sealed class GroundedStackBudgetTests : IDisposable
{
    private const decimal Limit = 5.00m;
    private readonly PromptTokenCounter _tokens = new();
    private readonly ScriptableChatClient _model = new();

    public GroundedStackBudgetTests() =>
        _model.Default = (messages, _) => ScriptableChatClient.Reply("fine", new UsageDetails { InputTokenCount = _tokens.Count(messages), OutputTokenCount = 250 });

    public void Dispose() => _model.Dispose();

    [Fact]
    public async Task FiftyConcurrentClientsOfOneReplicaNeverSpendMoreThanTheBudget()
    {
        await using var stack = Stack(Options());

        var spent = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => ClientAsync(stack))));

        AssertSpentEveryFittingRequestAndNoMore(spent.Sum());
    }

    [SkippableFact]
    public async Task FiftyConcurrentClientsOfTwoReplicasSharingRedisNeverSpendMoreThanTheBudget()
    {
        var redis = new RedisOptions { ConnectionString = TestServices.Redis, KeyPrefix = $"test-{Guid.NewGuid():N}:" };
        await using var first = Stack(Options() with { Redis = redis });
        await using var second = Stack(Options() with { Redis = redis });

        var spent = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => ClientAsync(i % 2 == 0 ? first : second))));

        AssertSpentEveryFittingRequestAndNoMore(spent.Sum());
    }

    private static GroundedOptions Options() => new()
    {
        Gateway = new GatewayOptions
        {
            Models = [new ModelOptions { Name = "small", Provider = "openai", ProviderModel = "s", ContextWindow = 8000, MaxOutputTokens = 1000, InputPerMTok = 1000, OutputPerMTok = 2000 }],
        },
        Budgets = [new BudgetOptions { Scope = BudgetScope.Tenant, Match = "*", UsdPerDay = Limit }],
    };

    // Sends requests until the budget refuses for good; a refusal because of requests in flight is retried, as its Retry-After says.
    private static async Task<decimal> ClientAsync(GroundedStack stack)
    {
        var spent = 0m;
        while (true)
        {
            var context = new GatewayContext("test");
            try
            {
                await stack.Gateway.Client.GetResponseAsync("hello", context.AttachTo(new ChatOptions { ModelId = "small", MaxOutputTokens = 250 }));
                spent += context.Cost;
            }
            catch (BudgetExceededException refused) when (refused.RetryAfter == TimeSpan.FromSeconds(1))
            {
                await Task.Delay(5);
            }
            catch (BudgetExceededException)
            {
                return spent;
            }
        }
    }

    private void AssertSpentEveryFittingRequestAndNoMore(decimal total)
    {
        var one = ((_tokens.Count([new ChatMessage(ChatRole.User, "hello")]) * 1000m) + (250 * 2000m)) / 1_000_000m;
        Assert.True(total <= Limit, $"spent ${total} of a ${Limit} budget");
        Assert.Equal(Math.Floor(Limit / one) * one, total);
    }

    private GroundedStack Stack(GroundedOptions options) => GroundedStack.Create(options, gateway =>
        gateway.ProviderClients = _ => SlowChatClient.Latency(_model, TimeSpan.FromMilliseconds(2), TimeSpan.FromMilliseconds(20)));
}
