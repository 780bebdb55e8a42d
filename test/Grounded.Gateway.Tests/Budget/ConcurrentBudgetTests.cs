using Grounded.Gateway.Budget;
using Grounded.Gateway.Config;
using Grounded.Gateway.Context;
using Grounded.Gateway.Failures;
using Grounded.Gateway.Pipeline;
using Grounded.Gateway.Tokens;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Tests.Budget;

/// <summary>Fifty clients at once against one small budget, through the real pipeline and a model with latency.</summary>
public sealed class ConcurrentBudgetTests
{
    private const decimal Limit = 5.00m;

    private static readonly ModelOptions Model = new()
    {
        Name = "small", Provider = "openai", ProviderModel = "s", ContextWindow = 8000, MaxOutputTokens = 1000, InputPerMTok = 1000, OutputPerMTok = 2000,
    };

    [Fact]
    public async Task FiftyConcurrentClientsNeverSpendMoreThanTheBudget()
    {
        // Each answer costs exactly what its request reserved (its prompt and all 250 output tokens allowed, about $0.51), so a request
        // admitted too many shows as money spent beyond the limit.
        var tokens = new PromptTokenCounter();
        using var provider = new ScriptableChatClient
        {
            Default = (messages, _) => ScriptableChatClient.Reply("fine", new UsageDetails { InputTokenCount = tokens.Count(messages), OutputTokenCount = 250 }),
        };
        using var gateway = new GatewayBuilder(new GatewayOptions { Models = [Model] })
        {
            ProviderClients = _ => SlowChatClient.Latency(provider, TimeSpan.FromMilliseconds(2), TimeSpan.FromMilliseconds(20)),
        }.UseBudgets([new BudgetOptions { Scope = BudgetScope.Tenant, Match = "*", UsdPerDay = Limit }]).Build();

        var spent = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => ClientAsync(gateway.Client))));

        var one = ((tokens.Count([new ChatMessage(ChatRole.User, "hello")]) * 1000m) + (250 * 2000m)) / 1_000_000m;
        var total = spent.Sum();
        Assert.True(total <= Limit, $"spent ${total} of a ${Limit} budget");
        Assert.Equal(Math.Floor(Limit / one) * one, total); // every request that fitted was served

    }

    // Sends requests until the budget refuses for good; a refusal because of requests in flight is retried, as its Retry-After says.
    private static async Task<decimal> ClientAsync(IChatClient client)
    {
        var spent = 0m;
        while (true)
        {
            var context = new GatewayContext("test");
            try
            {
                await client.GetResponseAsync("hello", context.AttachTo(new ChatOptions { ModelId = "small", MaxOutputTokens = 250 }));
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
}
