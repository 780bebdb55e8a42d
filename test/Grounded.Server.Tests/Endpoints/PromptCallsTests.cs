using System.Net;
using System.Text;
using System.Text.Json;
using Grounded.Hosting;
using Grounded.Testing.Upstream;
using Grounded.Usage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Grounded.Server.Tests.Endpoints;

/// <summary><c>/v1/chat/completions</c> with <c>"model": "prompt:ID[@VERSION]"</c>: the server renders a registry prompt, so the client carries no prompt text.</summary>
public sealed class PromptCallsTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("grounded-server-").FullName;
    private ScriptableUpstream _upstream = null!;

    public async Task InitializeAsync()
    {
        _upstream = await ScriptableUpstream.StartAsync("small");
        Directory.CreateDirectory(Path.Combine(_dir, "prompts", "greet"));
        await File.WriteAllTextAsync(Path.Combine(_dir, "prompts", "greet", "1.0.0.yaml"), """
            id: greet
            version: 1.0.0
            model: small
            parameters: { temperature: 0.3, max_tokens: 40 }
            variables: [name, topic]
            template:
              system: "You explain {{topic}} briefly."
              user: "Hello, I am {{name}}."
            """);
    }

    public async Task DisposeAsync()
    {
        await _upstream.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task APromptIsRenderedWithItsModelAndParametersAndTheResponseNamesItsVersion()
    {
        using var factory = Factory();
        using var client = factory.CreateClient();

        var response = await client.PostAsync("/v1/chat/completions", Json("""
            {"model":"prompt:greet","prompt_variables":{"name":"Ada","topic":"tides"},"max_tokens":20,"messages":[{"role":"user","content":"Why two a day?"}]}
            """));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("greet@1.0.0", response.Headers.GetValues("x-grounded-prompt").Single());
        Assert.Equal("small", response.Headers.GetValues("x-grounded-model").Single());
        using var sent = JsonDocument.Parse(Assert.Single(_upstream.Bodies));
        var messages = sent.RootElement.GetProperty("messages").EnumerateArray().Select(m => (m.GetProperty("role").GetString(), Text(m.GetProperty("content")))).ToList();
        Assert.Equal([("system", "You explain tides briefly."), ("user", "Hello, I am Ada."), ("user", "Why two a day?")], messages);
        Assert.Equal(0.3, sent.RootElement.GetProperty("temperature").GetDouble(), 3);
        Assert.Equal(20, MaxTokens(sent.RootElement));
        Assert.False(sent.RootElement.TryGetProperty("prompt_variables", out _));
    }

    [Fact]
    public async Task TheResponsesApiCallsAPromptTooAndTheLedgerRowRecordsItsVersion()
    {
        using var factory = Factory();
        using var client = factory.CreateClient();

        var response = await client.PostAsync("/v1/responses", Json("""
            {"model":"prompt:greet@1.0.0","prompt_variables":{"name":"Ada","topic":"tides"},"input":"Why two a day?"}
            """));

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("greet@1.0.0", response.Headers.GetValues("x-grounded-prompt").Single());
        using var sent = JsonDocument.Parse(Assert.Single(_upstream.Bodies));
        var messages = sent.RootElement.GetProperty("messages").EnumerateArray().Select(m => (m.GetProperty("role").GetString(), Text(m.GetProperty("content")))).ToList();
        Assert.Equal([("system", "You explain tides briefly."), ("user", "Hello, I am Ada."), ("user", "Why two a day?")], messages);
        Assert.Equal(40, MaxTokens(sent.RootElement));
        var stack = factory.Services.GetRequiredService<GroundedStack>();
        await stack.Ledger.FlushAsync();
        var byPrompt = await (await stack.GetAccessAsync()).SummarizeAsync(new UsageQuery(DateTimeOffset.UtcNow.AddHours(-1), UsageGrouping.Prompt), CancellationToken.None);
        Assert.Equal(1, Assert.Single(byPrompt, r => r.Key == "greet@1.0.0").Requests);
    }

    [Theory]
    [InlineData("""{"model":"prompt:nope","prompt_variables":{}}""", 404, "nope")]
    [InlineData("""{"model":"prompt:greet@9.0.0","prompt_variables":{}}""", 404, "has no version 9.0.0")]
    [InlineData("""{"model":"prompt:greet","prompt_variables":{"name":"Ada"}}""", 400, "'topic'")]
    [InlineData("""{"model":"prompt:greet","prompt_variables":{"name":1,"topic":"x"}}""", 400, "prompt_variables.name must be a string")]
    public async Task AnUnknownPromptOrAMissingVariableIsRefusedBeforeAnyModelCall(string request, int status, string says)
    {
        using var factory = Factory();
        using var client = factory.CreateClient();

        var response = await client.PostAsync("/v1/chat/completions", Json(request));

        Assert.Equal(status, (int)response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(says, body.RootElement.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, _upstream.Requests);
    }

    private static string? Text(JsonElement content) =>
        content.ValueKind == JsonValueKind.String ? content.GetString() : string.Concat(content.EnumerateArray().Select(p => p.GetProperty("text").GetString()));

    private static int MaxTokens(JsonElement body) =>
        body.TryGetProperty("max_completion_tokens", out var completion) ? completion.GetInt32() : body.GetProperty("max_tokens").GetInt32();

    private WebApplicationFactory<Program> Factory()
    {
        var config = Path.Combine(_dir, $"grounded-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(config, $"""
            models:
              - name: small
                provider: openai
                endpoint: {_upstream.Endpoint}
                model: small-model
                contextWindow: 2000
                maxOutputTokens: 500
            resilience:
              retry: {"{"} maxAttempts: 1 {"}"}
            prompts:
              dir: {Path.Combine(_dir, "prompts")}
            """);
        return new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Grounded:Config", config);
            b.UseSetting("Grounded:Store", Path.Combine(_dir, "store"));
        });
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}
