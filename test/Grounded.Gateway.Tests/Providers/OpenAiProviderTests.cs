using System.Text.Json;
using Grounded.Gateway.Providers;
using Grounded.Gateway.Tests.Support;
using Grounded.Testing.Upstream;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Tests.Providers;

/// <summary>The OpenAI-compatible provider through the official SDK over real HTTP: what the client sent arrives as it was sent.</summary>
public sealed class OpenAiProviderTests : IAsyncLifetime
{
    private ScriptableUpstream _upstream = null!;

    public async Task InitializeAsync() => _upstream = await ScriptableUpstream.StartAsync("small");

    public async Task DisposeAsync() => await _upstream.DisposeAsync();

    [Fact]
    public async Task FieldsPassedThroughReachTheProviderVerbatimInsteadOfTheSdksRendering()
    {
        const string Tools = """[{"type":"function","function":{"name":"lookup","description":"Find a word","parameters":{"type":"object","properties":{"word":{"type":"string"}}},"strict":false}}]""";
        const string Format = """{"type":"json_schema","json_schema":{"name":"answer","description":"One word","schema":{"type":"object","properties":{"w":{"type":"string"}}},"strict":true}}""";
        var fields = new Dictionary<string, JsonElement>
        {
            ["tools"] = Json(Tools),
            ["response_format"] = Json(Format),
            ["max_tokens"] = Json("40"),
            ["n"] = Json("1"),
            ["logprobs"] = Json("true"),
            ["top_logprobs"] = Json("2"),
            ["user"] = Json("\"user-7\""),
            ["metadata"] = Json("""{"team":"blue"}"""),
            ["logit_bias"] = Json("""{"50256":-100}"""),
            ["service_tier"] = Json("\"flex\""),
        };
        var options = new OpenAiPassThrough(fields, ["n", "logprobs", "top_logprobs", "user", "metadata", "logit_bias", "service_tier"]).AttachTo(new ChatOptions
        {
            ModelId = "small-model",
            MaxOutputTokens = 40,
            Tools = [AIFunctionFactory.CreateDeclaration("lookup", "Find a word", Json("""{"type":"object","properties":{"word":{"type":"string"}}}"""))],
            ResponseFormat = ChatResponseFormat.ForJsonSchema(Json("""{"type":"object","properties":{"w":{"type":"string"}}}"""), "answer", "One word"),
        });
        using var client = Gateways.Provider(Gateways.OpenAi("small", _upstream));

        await client.GetResponseAsync("hi", options);

        var body = JsonDocument.Parse(Assert.Single(_upstream.Bodies)).RootElement;
        Assert.Equal(Tools, body.GetProperty("tools").GetRawText());
        Assert.Equal(Format, body.GetProperty("response_format").GetRawText());
        Assert.Equal(40, body.GetProperty("max_tokens").GetInt32());
        Assert.False(body.TryGetProperty("max_completion_tokens", out _), "max_tokens was sent, so max_completion_tokens must not be");
        Assert.Equal(1, body.GetProperty("n").GetInt32());
        Assert.True(body.GetProperty("logprobs").GetBoolean());
        Assert.Equal(2, body.GetProperty("top_logprobs").GetInt32());
        Assert.Equal("user-7", body.GetProperty("user").GetString());
        Assert.Equal("blue", body.GetProperty("metadata").GetProperty("team").GetString());
        Assert.Equal(-100, body.GetProperty("logit_bias").GetProperty("50256").GetInt32());
        Assert.Equal("flex", body.GetProperty("service_tier").GetString());
        Assert.Equal("small-model", body.GetProperty("model").GetString());
    }

    [Fact]
    public async Task AssistantToolCallsKeepTheirArgumentTextEvenWhenItIsNotJson()
    {
        using var client = Gateways.Provider(Gateways.OpenAi("small", _upstream));
        var call = new FunctionCallContent("call_1", "lookup", null).WithText("{\"word\": \"tide\"");
        ChatMessage[] messages =
        [
            new(ChatRole.User, "look it up"),
            new(ChatRole.Assistant, [call]),
            new(ChatRole.Tool, [new FunctionResultContent("call_1", "found")]),
        ];

        await client.GetResponseAsync(messages, new ChatOptions { ModelId = "small-model" });

        var sent = JsonDocument.Parse(Assert.Single(_upstream.Bodies)).RootElement.GetProperty("messages")[1].GetProperty("tool_calls")[0];
        Assert.Equal("{\"word\": \"tide\"", sent.GetProperty("function").GetProperty("arguments").GetString());
    }

    [Fact]
    public async Task AnErrorAnswerBecomesAProviderErrorWithTheProvidersOwnMessage()
    {
        _upstream.Default = new Step.Fail(400, Message: "'temperature' is too high", Type: "invalid_request_error", Code: "invalid_value", Param: "temperature");
        using var client = Gateways.Provider(Gateways.OpenAi("small", _upstream));

        var error = await Assert.ThrowsAsync<ProviderErrorException>(() => client.GetResponseAsync("hi", new ChatOptions { ModelId = "small-model" }));

        Assert.Equal(400, error.Status);
        Assert.Equal("'temperature' is too high", error.Message);
        Assert.Equal("invalid_request_error", error.Type);
        Assert.Equal("invalid_value", error.Code);
        Assert.Equal("temperature", error.Param);
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
