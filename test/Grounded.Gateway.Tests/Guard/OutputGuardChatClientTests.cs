using Grounded.Gateway.Usage;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Grounded.Gateway.Context;
using Grounded.Gateway.Failures;
using Grounded.Gateway.Guard;
using Grounded.Gateway.Tests.Support;
using Grounded.Guards;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Tests.Guard;

public sealed class OutputGuardChatClientTests : IDisposable
{
    private static readonly JsonElement Schema = JsonDocument.Parse("""
        {"type":"object","properties":{"city":{"type":"string"},"population":{"type":"integer"}},"required":["city","population"],"additionalProperties":false}
        """).RootElement;

    private readonly ScriptableChatClient _provider = new();

    public void Dispose() => _provider.Dispose();

    [Fact]
    public async Task AnInvalidJsonAnswerIsRepairedOnceWithTheValidationErrors()
    {
        var guarded = new Guarded(_provider, new GuardPolicy { Schema = new SchemaGuardOptions() });
        _provider.Then("""{"city":"Paris"}""", """{"city":"Paris","population":2100000}""");

        var response = await guarded.Client.GetResponseAsync("Paris?", JsonRequest());

        Assert.Equal("""{"city":"Paris","population":2100000}""", response.Text);
        Assert.Equal(2, _provider.Calls.Count);
        var repair = _provider.Calls[1].Messages;
        Assert.Equal(ChatRole.Assistant, repair[^2].Role);
        Assert.Contains("population", repair[^1].Text, StringComparison.Ordinal);
        Assert.Contains("required", repair[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnswerStillInvalidAfterTheOneRepairIsA502AndNoThirdCallIsMade()
    {
        var guarded = new Guarded(_provider, new GuardPolicy { Schema = new SchemaGuardOptions() });
        _provider.Then("not json", """{"city":3}""", """{"city":"Paris","population":1}""");
        var context = new GatewayContext("chat");

        var error = await Assert.ThrowsAsync<InvalidOutputException>(() => guarded.Client.GetResponseAsync("Paris?", context.AttachTo(JsonRequest())));

        Assert.Equal(2, _provider.Calls.Count);
        Assert.Equal(502, error.Status);
        Assert.Equal("schema_validation_failed", error.Code);
        Assert.Contains(context.Guards, d => d is { Guard: GuardNames.Schema, Action: GuardActions.Block });
    }

    [Fact]
    public async Task AValidAnswerIsNotSentBackAndARequestWithoutASchemaIsNotValidated()
    {
        var guarded = new Guarded(_provider, new GuardPolicy { Schema = new SchemaGuardOptions() });
        _provider.Then("""{"city":"Paris","population":1}""", "plain text");

        await guarded.Client.GetResponseAsync("Paris?", JsonRequest());
        var text = await guarded.Client.GetResponseAsync("Paris?", new ChatOptions { ModelId = "small" });

        Assert.Equal(2, _provider.Calls.Count);
        Assert.Equal("plain text", text.Text);
    }

    [Fact]
    public async Task AToxicAnswerInBlockModeIsWithheldWithFinishReasonContentFilter()
    {
        var guarded = new Guarded(_provider, new GuardPolicy { Toxicity = new ToxicityGuardOptions { Mode = GuardMode.Block, Input = false } });
        _provider.Then("You are an idiot and I will not help.");

        var response = await guarded.Client.GetResponseAsync("hi", new ChatOptions { ModelId = "small" });

        Assert.Equal(string.Empty, response.Text);
        Assert.Equal(ChatFinishReason.ContentFilter, response.FinishReason);
    }

    [Fact]
    public async Task RedactModeMasksTheTermsAndKeepsTheRestOfTheAnswer()
    {
        var guarded = new Guarded(_provider, new GuardPolicy { Toxicity = new ToxicityGuardOptions { Mode = GuardMode.Redact } });
        _provider.Then("This shitty assistant from Scunthorpe works.");

        var response = await guarded.Client.GetResponseAsync("hi", new ChatOptions { ModelId = "small" });

        Assert.Equal("This ****** assistant from Scunthorpe works.", response.Text);
    }

    [Fact]
    public async Task PersonalDataTheModelWritesIsScrubbedFromTheAnswer()
    {
        var guarded = new Guarded(_provider, new GuardPolicy { Pii = new PiiGuardOptions { Mode = GuardMode.Redact } });
        _provider.Then("Contact john.doe@corp.example for details.");

        var response = await guarded.Client.GetResponseAsync("who do I contact?", new ChatOptions { ModelId = "small" });

        Assert.Equal("Contact <EMAIL_ADDRESS> for details.", response.Text);
    }

    [Fact]
    public async Task AStreamIsHeldBackAtMostOneSentenceAndArrivesWhole()
    {
        var provider = new StreamingChatClient("The first", " sentence ends here. The sec", "ond one", " too! And a", " third", " without an end");
        var guarded = new Guarded(provider, new GuardPolicy { Toxicity = new ToxicityGuardOptions() });
        var produced = new List<string>();
        var sent = new List<string>();

        await foreach (var update in guarded.Client.GetStreamingResponseAsync("hi", new ChatOptions { ModelId = "small" }))
        {
            sent.Add(update.Text);
            produced.Add(string.Concat(new[] { "The first", " sentence ends here. The sec", "ond one", " too! And a", " third", " without an end" }.Take(provider.Produced)));

            // What was produced but not sent yet is never more than the sentence being written.
            var held = produced[^1][string.Concat(sent).Length..];
            Assert.DoesNotContain(". ", held, StringComparison.Ordinal);
            Assert.DoesNotContain("! ", held, StringComparison.Ordinal);
        }

        Assert.Equal("The first sentence ends here. The second one too! And a third without an end", string.Concat(sent));
        Assert.Contains("The first sentence ends here. ", sent);
    }

    [Fact]
    public async Task ABlockedSentenceEndsTheStreamWithContentFilterAndNothingOfItIsSent()
    {
        var provider = new StreamingChatClient("All is fine. ", "You are a ", "worthless piece of junk. ", "More text.");
        var guarded = new Guarded(provider, new GuardPolicy { Toxicity = new ToxicityGuardOptions { Mode = GuardMode.Block, Input = false } });
        var sent = new List<ChatResponseUpdate>();

        await foreach (var update in guarded.Client.GetStreamingResponseAsync("hi", new ChatOptions { ModelId = "small" }))
        {
            sent.Add(update);
        }

        Assert.Equal("All is fine. ", string.Concat(sent.Select(u => u.Text)));
        Assert.Equal(ChatFinishReason.ContentFilter, sent[^1].FinishReason);
        Assert.True(provider.Produced < 4, "the provider's stream is abandoned once a sentence is blocked");
    }

    [Fact]
    public async Task AStreamAbandonedAfterABlockIsStillCountedUpToWhereItStopped()
    {
        var provider = new StreamingChatClient("All is fine. ", "You are a ", "worthless piece of junk. ", "More text.");
        var model = new Grounded.Gateway.Config.ModelOptions { Name = "small", Provider = "openai", Endpoint = new Uri("http://127.0.0.1:1/v1"), ProviderModel = "small", ContextWindow = 8_000, MaxOutputTokens = 1_000 };
        var counted = new ChatClientBuilder(provider).UseUsage(model, new Grounded.Gateway.Tokens.PromptTokenCounter()).Build();
        var guarded = new Guarded(counted, new GuardPolicy { Toxicity = new ToxicityGuardOptions { Mode = GuardMode.Block, Input = false } });
        var context = new Grounded.Gateway.Context.GatewayContext("chat");

        await foreach (var _ in guarded.Client.GetStreamingResponseAsync("hi", context.AttachTo(new ChatOptions { ModelId = "small" })))
        {
        }

        Assert.True(context.Usage?.InputTokenCount > 0, "the prompt was sent and is counted");
        Assert.True(context.Usage?.OutputTokenCount > 0, "what the provider wrote before the block is counted");
    }

    [Fact]
    public async Task PersonalDataSplitAcrossPiecesOfAStreamIsScrubbedWithinItsSentence()
    {
        var provider = new StreamingChatClient("Write to john.d", "oe@corp.ex", "ample today. Bye.");
        var guarded = new Guarded(provider, new GuardPolicy { Pii = new PiiGuardOptions() });

        var text = string.Concat(await ToListAsync(guarded.Client.GetStreamingResponseAsync("hi", new ChatOptions { ModelId = "small" })));

        Assert.Equal("Write to <EMAIL_ADDRESS> today. Bye.", text);
    }

    [Fact]
    public async Task ARefusalIsCountedAndTheAnswerIsLeftAsItWas()
    {
        var guarded = new Guarded(_provider, new GuardPolicy { Pii = new PiiGuardOptions() });
        _provider.Then("I'm sorry, but I can't help with that.");
        var context = new GatewayContext("chat");
        long refusals = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "grounded.guard.refusals")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref refusals, value));
        listener.Start();

        var response = await guarded.Client.GetResponseAsync("How do I pick a lock?", context.AttachTo(new ChatOptions { ModelId = "small" }));

        Assert.Equal("I'm sorry, but I can't help with that.", response.Text);
        Assert.True(Interlocked.Read(ref refusals) >= 1);
        Assert.Contains(context.Guards, d => d is { Guard: GuardNames.Refusal, Action: GuardActions.Flag });
    }

    private static ChatOptions JsonRequest() => new() { ModelId = "small", ResponseFormat = ChatResponseFormat.ForJsonSchema(Schema, "city") };

    private static async Task<List<string>> ToListAsync(IAsyncEnumerable<ChatResponseUpdate> updates)
    {
        var texts = new List<string>();
        await foreach (var update in updates)
        {
            texts.Add(update.Text);
        }

        return texts;
    }
}
