using Grounded.Access;
using Grounded.Gateway.Cache;
using Grounded.Gateway.Context;
using Grounded.Hosting.Ask;
using Grounded.Hosting.Tests.Support;
using Grounded.Rag;
using Grounded.Redis;

namespace Grounded.Hosting.Tests.Feedback;

/// <summary>Feedback on one replica's answer taken by another: the receipt travels through the Redis both share.</summary>
public sealed class SharedReceiptsTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    [SkippableFact]
    public async Task AnAnswerGivenByOneReplicaIsRatedThroughAnotherSharingRedis()
    {
        var redis = new RedisOptions { ConnectionString = TestServices.Redis, KeyPrefix = $"test-{Guid.NewGuid():N}:" };
        await using var first = Stack(redis);
        await using var second = Stack(redis);
        await Task.WhenAll(first.ConnectSharedStateAsync(), second.ConnectSharedStateAsync()); // as grounded serve does at start-up

        var answer = await first.AskAsync(new AskRequest { Question = "What causes ocean tides?" }, new GatewayContext("test"));
        var rated = await RateWhenArrivedAsync(second, answer.Id!, CallerIdentity.Local);
        var elsewhere = await second.SaveFeedbackAsync(answer.Id!, "up", null, CallerIdentity.Local with { Tenant = "other" });

        Assert.NotNull(rated);
        Assert.Equal(("extractive", "ask", "What causes ocean tides?", false), (rated.Model, rated.Endpoint, rated.Question, rated.Abstained));
        Assert.Equal(answer.Citations.Select(c => c.Source).Distinct(), rated.Sources);
        Assert.Null(elsewhere); // another tenant's key learns nothing of the id
    }

    [Fact]
    public async Task WithoutRedisAnotherReplicaDoesNotKnowTheAnswer()
    {
        await using var first = Stack(null);
        await using var second = Stack(null);

        var answer = await first.AskAsync(new AskRequest { Question = "What causes ocean tides?" }, new GatewayContext("test"));

        Assert.NotNull(await first.SaveFeedbackAsync(answer.Id!, "up", null, CallerIdentity.Local));
        Assert.Null(await second.SaveFeedbackAsync(answer.Id!, "up", null, CallerIdentity.Local));
    }

    // The receipt is written to Redis off the response path: the other replica may look a moment before it lands. (Without the
    // connection opened first, a first Redis call slower than the guard's 500 ms would make that replica skip Redis for 15 s.)
    private static async Task<Grounded.Feedback.FeedbackRecord?> RateWhenArrivedAsync(GroundedStack stack, string id, CallerIdentity caller)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await stack.SaveFeedbackAsync(id, "up", null, caller) is { } record)
            {
                return record;
            }

            await Task.Delay(50);
        }

        return null;
    }

    private GroundedStack Stack(RedisOptions? redis) => GroundedStack.Create(new GroundedOptions
    {
        Rag = new LocalRagOptions { Store = fixture.Store.Location },
        Cache = CacheOptions.Disabled,
        Redis = redis ?? new RedisOptions { ConnectionString = string.Empty },
    });
}
