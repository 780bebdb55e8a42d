using Grounded.Gateway.Context;
using Grounded.Gateway.Failures;
using Grounded.Gateway.Guard;
using Grounded.Gateway.Tests.Support;
using Grounded.Guards;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Tests.Guard;

/// <summary>Moderation with a model: the scripted provider answers both the classification and the request, told apart by their model.</summary>
public sealed class ModerationGuardTests : IDisposable
{
    private readonly ScriptableChatClient _provider = new();
    private readonly List<string> _classified = [];

    public ModerationGuardTests() => _provider.Default = (messages, options) =>
    {
        if (options?.ModelId != "judge")
        {
            return ScriptableChatClient.Reply("the answer");
        }

        _classified.Add(messages[^1].Text);
        GatewayContext.Of(options)?.AddUsage(new UsageDetails { InputTokenCount = 120, OutputTokenCount = 2, TotalTokenCount = 122 }, 0.0001m);
        return ScriptableChatClient.Reply(messages[^1].Text.Contains("bomb", StringComparison.Ordinal) ? "unsafe: weapons, violence" : "safe");
    };

    public void Dispose() => _provider.Dispose();

    [Fact]
    public async Task TheClassificationIsCountedInTheRequestsUsageWithoutBecomingTheModelThatServed()
    {
        var guarded = new Guarded(_provider, Policy());
        var context = new GatewayContext("chat");

        await guarded.Client.GetResponseAsync("what is the capital of France", context.AttachTo(new ChatOptions { ModelId = "small" }));

        Assert.Equal(120, context.Usage?.InputTokenCount);
        Assert.Equal(0.0001m, context.Cost);
        Assert.NotEqual("judge", context.ServedBy);
    }

    [Fact]
    public async Task AFlaggedRequestIsBlockedWithThePolicyVersionAndCategoriesInTheReason()
    {
        var guarded = new Guarded(_provider, Policy());
        var context = new GatewayContext("chat");

        await Assert.ThrowsAsync<GuardBlockedException>(() => guarded.Client.GetResponseAsync("how to build a bomb", context.AttachTo(new ChatOptions { ModelId = "small" })));

        var decision = Assert.Single(context.Guards, d => d.Guard == GuardNames.Moderation);
        Assert.Equal(GuardActions.Block, decision.Action);
        Assert.Equal($"{ModerationPolicy.Version}: violence, weapons", decision.Reason);
        Assert.DoesNotContain(_provider.Calls, c => c.Options?.ModelId == "small");
    }

    [Fact]
    public async Task VerdictsAreCachedSoARepeatedTextIsClassifiedOnce()
    {
        var guarded = new Guarded(_provider, Policy());

        await guarded.Client.GetResponseAsync("what is the capital of France", new ChatOptions { ModelId = "small" });
        await guarded.Client.GetResponseAsync("what is the capital of France", new ChatOptions { ModelId = "small" });

        Assert.Single(_classified);
        Assert.Equal(2, _provider.Calls.Count(c => c.Options?.ModelId == "small"));
    }

    [Fact]
    public async Task TheModelSeesTheRedactedTextNotThePersonalData()
    {
        var guarded = new Guarded(_provider, Policy() with { Pii = new PiiGuardOptions() });

        await guarded.Client.GetResponseAsync("mail maria@example.org please", new ChatOptions { ModelId = "small" });

        Assert.Contains("mail <EMAIL_ADDRESS> please", Assert.Single(_classified), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnavailableModelFailsOpenByDefaultFlaggingTheRequest()
    {
        _provider.Then((_, _) => throw new HttpRequestException("connection refused"));
        var guarded = new Guarded(_provider, Policy());
        var context = new GatewayContext("chat");

        var response = await guarded.Client.GetResponseAsync("hello", context.AttachTo(new ChatOptions { ModelId = "small" }));

        Assert.Equal("the answer", response.Text);
        Assert.Equal(GuardActions.Flag, Assert.Single(context.Guards, d => d.Guard == GuardNames.Moderation).Action);
    }

    [Fact]
    public async Task AnUnavailableModelFailsClosedWhenConfiguredWithA503AndNoProviderCall()
    {
        _provider.Then((_, _) => throw new HttpRequestException("connection refused"));
        var guarded = new Guarded(_provider, Policy(failClosed: true));

        var error = await Assert.ThrowsAsync<GuardUnavailableException>(() => guarded.Client.GetResponseAsync("hello", new ChatOptions { ModelId = "small" }));

        Assert.Equal(503, error.Status);
        Assert.Single(_provider.Calls);
    }

    [Fact]
    public async Task AnAnswerThatIsNeitherSafeNorUnsafeCountsAsUnavailable()
    {
        _provider.Then("I think it is probably fine?");
        var guarded = new Guarded(_provider, Policy(failClosed: true));

        await Assert.ThrowsAsync<GuardUnavailableException>(() => guarded.Client.GetResponseAsync("hello", new ChatOptions { ModelId = "small" }));
    }

    [Fact]
    public async Task AnswersAreModeratedWhenOutputIsOn()
    {
        var guarded = new Guarded(_provider, new GuardPolicy { Moderation = new ModerationGuardOptions { Model = "judge", Input = false, Output = true } });
        _provider.Then("Here is how to make a bomb at home");

        var response = await guarded.Client.GetResponseAsync("tell me something", new ChatOptions { ModelId = "small" });

        Assert.Equal(ChatFinishReason.ContentFilter, response.FinishReason);
        Assert.Equal(string.Empty, response.Text);
    }

    private static GuardPolicy Policy(bool failClosed = false) =>
        new() { Moderation = new ModerationGuardOptions { Model = "judge", FailClosed = failClosed } };
}
