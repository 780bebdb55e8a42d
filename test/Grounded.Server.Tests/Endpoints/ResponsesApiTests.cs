using System.Net;
using System.Text;
using System.Text.Json;
using Grounded.Server.Tests.Support;
using Grounded.Testing.Upstream;

namespace Grounded.Server.Tests.Endpoints;

/// <summary><c>POST /v1/responses</c>: what it refuses before any provider call, and what reaches the provider.</summary>
public sealed class ResponsesApiTests(IndexedStoreFixture store) : IClassFixture<IndexedStoreFixture>, IAsyncLifetime
{
    private ScriptableUpstream _upstream = null!;

    public async Task InitializeAsync() => _upstream = await ScriptableUpstream.StartAsync("small");

    public async Task DisposeAsync() => await _upstream.DisposeAsync();

    [Theory]
    [InlineData("""{"model":"small","input":[{"role":"user","content":[{"type":"input_image","image_url":"not a url"}]}]}""", "input[0].content[0].image_url")]
    [InlineData("""{"model":"small","input":[{"role":"user","content":[{"type":"input_file","file_data":"%%%"}]}]}""", "input[0].content[0].file_data")]
    [InlineData("""{"model":"small","input":"hi","max_tool_calls":2}""", "max_tool_calls")]
    [InlineData("""{"model":"small","input":"hi","previous_response_id":"resp_1"}""", "previous_response_id")]
    [InlineData("""{"model":"small","input":"hi","truncation":"auto"}""", "truncation")]
    [InlineData("""{"model":"small","input":[{"type":"reasoning","summary":[]}]}""", "input[0].type")]
    [InlineData("""{"model":"small","input":"hi","top_p":1.5}""", "top_p")]
    [InlineData("""{"model":"small","input":"hi","temperature":3}""", "temperature")]
    [InlineData("""{"model":"small","input":"hi","max_output_tokens":501}""", "max_output_tokens")]
    public async Task WhatItCannotDoIsA400NamingTheFieldWithNoProviderCall(string body, string param)
    {
        using var factory = GroundedFactory.Create(store.Directory, _upstream.Endpoint, store.Store);
        using var client = factory.CreateClient();

        var response = await client.PostAsync("/v1/responses", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal(param, error.GetProperty("param").GetString());
        Assert.DoesNotContain("System.", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, _upstream.Requests);
    }

    [Fact]
    public async Task AnInputLongerThanTheContextWindowIsRefusedBeforeTheProvider()
    {
        using var factory = GroundedFactory.Create(store.Directory, _upstream.Endpoint, store.Store);
        using var client = factory.CreateClient();
        var input = string.Join(' ', Enumerable.Repeat("evidence", 9000));

        var response = await client.PostAsync("/v1/responses", new StringContent(
            JsonSerializer.Serialize(new { model = "small", input }), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal("context_length_exceeded", error.GetProperty("code").GetString());
        Assert.Equal("input", error.GetProperty("param").GetString());
        Assert.Equal(0, _upstream.Requests);
    }

    [Fact]
    public async Task ParallelToolCallsReachTheProviderWithTheTools()
    {
        using var factory = GroundedFactory.Create(store.Directory, _upstream.Endpoint, store.Store);
        using var client = factory.CreateClient();

        var response = await client.PostAsync("/v1/responses", new StringContent(
            """{"model":"small","input":"weather?","parallel_tool_calls":false,"tools":[{"type":"function","name":"weather","parameters":{"type":"object","properties":{"city":{"type":"string"}}}}]}""",
            Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = JsonDocument.Parse(Assert.Single(_upstream.Bodies)).RootElement;
        Assert.False(sent.GetProperty("parallel_tool_calls").GetBoolean());
        Assert.Equal("""{"type":"object","properties":{"city":{"type":"string"}}}""", sent.GetProperty("tools")[0].GetProperty("function").GetProperty("parameters").GetRawText());
    }
}
