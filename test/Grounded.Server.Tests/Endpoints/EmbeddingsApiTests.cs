using System.Net;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Grounded.Server.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Grounded.Server.Tests.Endpoints;

/// <summary><c>/v1/embeddings</c>: the local model in OpenAI's format.</summary>
public sealed class EmbeddingsApiTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("grounded-embed-").FullName;
    private readonly WebApplicationFactory<Program> _factory;
    private readonly HttpClient _client;

    public EmbeddingsApiTests()
    {
        _factory = GroundedFactory.Create(_dir, new Uri("http://127.0.0.1:9/v1"), Path.Combine(_dir, "store"));
        _client = _factory.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task AnArrayOfStringsGetsOneNormalisedVectorEachInOrderWithUsage()
    {
        var response = await PostAsync("""{"model":"local","input":["The Moon pulls the tides.","Tides are caused by the Moon.","Yeast makes bread rise."]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("list", body.GetProperty("object").GetString());
        Assert.StartsWith("snowflake-arctic-embed-xs", body.GetProperty("model").GetString(), StringComparison.Ordinal);
        var data = body.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal([0, 1, 2], data.Select(d => d.GetProperty("index").GetInt32()));
        Assert.All(data, d => Assert.Equal("embedding", d.GetProperty("object").GetString()));
        var vectors = data.Select(d => d.GetProperty("embedding").EnumerateArray().Select(v => v.GetSingle()).ToArray()).ToList();
        Assert.All(vectors, v => Assert.Equal(384, v.Length));
        Assert.True(Cosine(vectors[0], vectors[1]) > Cosine(vectors[0], vectors[2]), "two sentences about tides should be closer than tides and bread");
        var usage = body.GetProperty("usage");
        Assert.True(usage.GetProperty("prompt_tokens").GetInt32() > 10);
        Assert.Equal(usage.GetProperty("prompt_tokens").GetInt32(), usage.GetProperty("total_tokens").GetInt32());
    }

    [Fact]
    public async Task Base64EncodingCarriesTheSameFloats()
    {
        var floats = JsonDocument.Parse(await (await PostAsync("""{"input":"The Moon pulls the tides."}""")).Content.ReadAsStringAsync()).RootElement;
        var base64 = JsonDocument.Parse(await (await PostAsync("""{"input":"The Moon pulls the tides.","encoding_format":"base64"}""")).Content.ReadAsStringAsync()).RootElement;

        var expected = floats.GetProperty("data")[0].GetProperty("embedding").EnumerateArray().Select(v => v.GetSingle()).ToArray();
        var decoded = MemoryMarshal.Cast<byte, float>(Convert.FromBase64String(base64.GetProperty("data")[0].GetProperty("embedding").GetString()!)).ToArray();
        Assert.Equal(expected, decoded);
    }

    [Theory]
    [InlineData("""{"input":[]}""", 400, "between 1 and 2048")]
    [InlineData("""{"input":""}""", 400, "empty strings")]
    [InlineData("""{"input":[[1,2,3]]}""", 400, "token arrays")]
    [InlineData("""{"model":"local"}""", 400, "input is required")]
    [InlineData("""{"input":"x","encoding_format":"int8"}""", 400, "encoding_format")]
    [InlineData("""{"input":"x","model":"text-embedding-3-large"}""", 404, "snowflake-arctic-embed-xs")]
    public async Task BadRequestsGetOpenAisErrorShape(string request, int status, string says)
    {
        var response = await PostAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Contains(says, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> PostAsync(string json) => _client.PostAsync("/v1/embeddings", new StringContent(json, Encoding.UTF8, "application/json"));

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }

        return dot / Math.Sqrt(na * nb);
    }
}
