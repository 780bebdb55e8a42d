using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CsCheck;
using Grounded.Server.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Grounded.Server.Tests.Endpoints;

/// <summary>
/// Arbitrary bodies through the real server: every answer is a success or a 4xx with a JSON error naming the problem,
/// never a 500 (a 502 or 503 only when a well-formed chat request reaches the unreachable upstream), within 10 s each.
/// </summary>
[Collection(nameof(RequestFuzzTests))]
[CollectionDefinition(nameof(RequestFuzzTests), DisableParallelization = true)]
[Trait("Category", "Fuzz")]
public sealed class RequestFuzzTests : IDisposable
{
    private const string Limits = "server: { maxRequestBodyBytes: 65536, maxUploadBytes: 200000 }";
    private readonly string _dir = Directory.CreateTempSubdirectory("grounded-fuzz-").FullName;
    private readonly WebApplicationFactory<Program> _factory;
    private readonly HttpClient _client;

    public RequestFuzzTests()
    {
        _factory = GroundedFactory.Create(_dir, new Uri("http://127.0.0.1:9/v1"), Path.Combine(_dir, "store"), Limits);
        _client = _factory.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void ChatCompletionBodiesGetAnAnswerOrAClearError() =>
        Fuzzing.Check("chat", FuzzRequests.Chat, body => Answers("/v1/chat/completions", body, upstream: true), iterations: 150);

    [Fact]
    public void ResponsesBodiesGetAnAnswerOrAClearError() =>
        Fuzzing.Check("responses", FuzzRequests.Responses, body => Answers("/v1/responses", body, upstream: true), iterations: 100);

    [Fact]
    public void EmbeddingsBodiesGetAnAnswerOrAClearError() =>
        Fuzzing.Check("embeddings", FuzzRequests.Embeddings, body => Answers("/v1/embeddings", body, upstream: false), iterations: 100);

    [Fact]
    public void AskBodiesGetAnAnswerOrAClearError() =>
        Fuzzing.Check("ask", FuzzRequests.Ask, body => Answers("/v1/ask", body, upstream: false), iterations: 100);

    [Fact]
    public void UploadsGetAnAnswerOrAClearError() =>
        Fuzzing.Check("uploads", FuzzRequests.Uploads, upload => Answers("/v1/documents", upload, upstream: false), iterations: 100,
            print: upload => $"{upload.ContentType}: {Fuzzing.Describe(upload.Bytes)}");

    [Theory]
    [InlineData("/v1/chat/completions")]
    [InlineData("/v1/embeddings")]
    [InlineData("/v1/ask")]
    public async Task ABodyNestedPastTheLimitIsA400NamingIt(string path)
    {
        var response = await _client.PostAsync(path, new StringContent("{\"x\":" + new string('[', 100) + new string(']', 100) + "}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("nests arrays and objects more than 64 levels deep (the limit)", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"model":"small","messages":[null]}""", "messages[0] must be a message object, not null")]
    [InlineData("""{"model":"small","messages":[{"role":"assistant","tool_calls":[null]}]}""", "messages[0].tool_calls[0] must be a tool call object, not null")]
    [InlineData("""{"model":"small","messages":[{"role":"user","content":"hi"}],"tools":[null]}""", "tools[0] must be a function with a name")]
    [InlineData("""{"model":"small","messages":[{"role":"user","content":"hi"}],"response_format":{"type":1}}""", "is not one of text, json_object, json_schema")]
    public async Task NullsAndWrongTypesInsideAChatRequestAreA400NamingThem(string body, string says)
    {
        var response = await _client.PostAsync("/v1/chat/completions", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(says, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoreMessagesThanTheLimitIsA400NamingIt()
    {
        var messages = string.Join(",", Enumerable.Repeat("""{"role":"user","content":"hi"}""", 1001));

        var response = await _client.PostAsync("/v1/chat/completions", new StringContent($$"""{"model":"small","messages":[{{messages}}]}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("messages holds 1001 messages; the limit is 1000 per request", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmbeddingsInputLongerThanTheLimitIsA400NamingIt()
    {
        var response = await _client.PostAsync("/v1/embeddings", new StringContent($$"""{"input":["short","{{new string('a', 32_769)}}"]}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("input[1] is 32769 characters long; the limit is 32768 per input", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABodyOverTheSizeLimitIsA413EvenWithoutAContentLength()
    {
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"input\":\"" + new string('a', 70_000) + "\"}")));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await _client.PostAsync("/v1/embeddings", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("larger than the limit of 65536 bytes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUploadWhoseBodyIsNotMultipartIsA400()
    {
        using var content = new ByteArrayContent([0x0D, 0x85, 0xA0, 0x3A]);
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=x");

        var response = await _client.PostAsync("/v1/documents", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("the multipart body cannot be read", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private void Answers(string path, FuzzRequests.Body body, bool upstream)
    {
        var (status, text, contentType) = Fuzzing.Within(TimeSpan.FromSeconds(10), long.MaxValue, async ct =>
        {
            using var content = new ByteArrayContent(body.Bytes);
            content.Headers.TryAddWithoutValidation("Content-Type", body.ContentType);
            using var response = await _client.PostAsync(path, content, ct);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(ct), response.Content.Headers.ContentType?.MediaType);
        });
        Assert.True(status < 500 || (upstream && status is 502 or 503), $"{path} answered {status}: {text}");
        if (status >= 400)
        {
            Assert.Contains("json", contentType, StringComparison.Ordinal);
            using var error = JsonDocument.Parse(text);
            var message = error.RootElement.TryGetProperty("error", out var openAi) ? openAi.GetProperty("message").GetString() : error.RootElement.GetProperty("detail").GetString();
            Assert.False(string.IsNullOrWhiteSpace(message));
            Assert.DoesNotContain("   at ", message, StringComparison.Ordinal); // no stack trace
        }
    }
}
