using System.Net;
using System.Text;
using System.Text.Json;
using Grounded.Hosting;
using Grounded.Server.Tests.Support;
using Grounded.Testing.Upstream;
using Grounded.Usage;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Grounded.Server.Tests.Cache;

/// <summary>The exact cache and the cost of each response, through the real host in front of a scripted upstream.</summary>
public sealed class AnswerCacheAndCostTests : IAsyncLifetime
{
    private const string Prices = """
        price: { inputPerMTok: 2.5, outputPerMTok: 10 }
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("grounded-cache-").FullName;
    private ScriptableUpstream _upstream = null!;

    public async Task InitializeAsync() => _upstream = await ScriptableUpstream.StartAsync("small");

    public async Task DisposeAsync()
    {
        await _upstream.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task AnIdenticalRequestAtTemperatureZeroIsAnsweredFromTheExactCacheWithoutCallingTheProvider()
    {
        using var factory = Factory();
        using var client = factory.CreateClient();
        const string body = """{"model":"small","temperature":0,"messages":[{"role":"user","content":"What is the capital of France?"}]}""";

        var first = await client.PostAsync("/v1/chat/completions", Json(body));
        var second = await client.PostAsync("/v1/chat/completions", Json(body));

        Assert.Equal(1, _upstream.Requests);
        Assert.Equal("miss", Header(first, "x-grounded-cache"));
        Assert.Equal("exact", Header(second, "x-grounded-cache"));
        Assert.Equal("0", Header(second, "x-grounded-attempts"));
        Assert.Equal(await Content(first), await Content(second));
        Assert.True(decimal.Parse(Header(first, "x-grounded-cost-usd"), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal("0", Header(second, "x-grounded-cost-usd"));
    }

    [Fact]
    public async Task TheCostIsInTheHeaderAndInTheUsageAtTheConfiguredPrices()
    {
        using var factory = Factory();
        using var client = factory.CreateClient();

        var response = await client.PostAsync("/v1/chat/completions", Json("""{"model":"small","messages":[{"role":"user","content":"price me"}]}"""));

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var usage = json.RootElement.GetProperty("usage");
        var expected = ((usage.GetProperty("prompt_tokens").GetInt64() * 2.5m) + (usage.GetProperty("completion_tokens").GetInt64() * 10m)) / 1_000_000m;
        Assert.Equal(expected, usage.GetProperty("cost_usd").GetDecimal());
        Assert.Equal(expected, decimal.Parse(Header(response, "x-grounded-cost-usd"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("""{"model":"small","temperature":0.7,"messages":[{"role":"user","content":"sample me"}]}""")]
    [InlineData("""{"model":"small","messages":[{"role":"user","content":"provider default temperature"}]}""")]
    [InlineData("""{"model":"small","temperature":0,"cache":false,"messages":[{"role":"user","content":"never cache me"}]}""")]
    public async Task SampledRequestsAndRequestsThatSayCacheFalseAlwaysReachTheProvider(string body)
    {
        using var factory = Factory();
        using var client = factory.CreateClient();

        var first = await client.PostAsync("/v1/chat/completions", Json(body));
        var second = await client.PostAsync("/v1/chat/completions", Json(body));

        Assert.Equal(2, _upstream.Requests);
        Assert.Equal("bypass", Header(first, "x-grounded-cache"));
        Assert.Equal("bypass", Header(second, "x-grounded-cache"));
    }

    [Fact]
    public async Task AStreamedRequestIsServedFromTheCacheAsAStream()
    {
        using var factory = Factory();
        using var client = factory.CreateClient();
        await client.PostAsync("/v1/chat/completions", Json("""{"model":"small","temperature":0,"messages":[{"role":"user","content":"stream from cache"}]}"""));

        var streamed = await client.PostAsync("/v1/chat/completions", Json("""{"model":"small","temperature":0,"stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"stream from cache"}]}"""));

        Assert.Equal(1, _upstream.Requests);
        Assert.Equal("text/event-stream", streamed.Content.Headers.ContentType?.MediaType);
        Assert.Equal("exact", Header(streamed, "x-grounded-cache"));
        var events = await streamed.Content.ReadAsStringAsync();
        var pieces = events.Split('\n').Where(l => l.StartsWith("data: {", StringComparison.Ordinal))
            .Select(l => JsonDocument.Parse(l["data: ".Length..]).RootElement.GetProperty("choices"))
            .Where(c => c.GetArrayLength() > 0 && c[0].GetProperty("delta").TryGetProperty("content", out var content) && content.GetString() is { Length: > 0 })
            .Select(c => c[0].GetProperty("delta").GetProperty("content").GetString()).ToList();
        Assert.Equal("[small] echo: stream from cache", string.Concat(pieces));
        Assert.True(pieces.Count > 1, "the cached answer streams in several pieces");
        Assert.Contains("\"cost_usd\":0", events);
        Assert.EndsWith("data: [DONE]\n\n", events);
    }

    [Fact]
    public async Task TheLedgerRecordsEachRequestWithItsCostAndWhatTheCacheSaved()
    {
        using var factory = Factory();
        using var client = factory.CreateClient();
        const string body = """{"model":"small","temperature":0,"user":"alice","messages":[{"role":"user","content":"account for me"}]}""";
        var first = await client.PostAsync("/v1/chat/completions", Json(body));
        await client.PostAsync("/v1/chat/completions", Json(body));
        var cost = decimal.Parse(Header(first, "x-grounded-cost-usd"), System.Globalization.CultureInfo.InvariantCulture);

        var stack = factory.Services.GetRequiredService<GroundedStack>();
        await stack.Ledger.FlushAsync();
        var ledger = await stack.GetAccessAsync();
        var byCache = await ledger.SummarizeAsync(new UsageQuery(DateTimeOffset.UtcNow.AddHours(-1), UsageGrouping.Cache), CancellationToken.None);

        var miss = Assert.Single(byCache, r => r.Key == "miss");
        var exact = Assert.Single(byCache, r => r.Key == "exact");
        Assert.Equal(cost, miss.CostUsd);
        Assert.Equal(0, exact.CostUsd);
        Assert.Equal(cost, exact.SavedUsd);
        Assert.Equal(1, exact.CacheHits);
    }

    private WebApplicationFactory<Program> Factory() =>
        GroundedFactory.Create(_dir, _upstream.Endpoint, Path.Combine(_dir, "store-" + Guid.NewGuid().ToString("N")), modelYaml: Prices);

    private static string Header(HttpResponseMessage response, string name) => response.Headers.GetValues(name).Single();

    private static async Task<string> Content(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!;
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}
