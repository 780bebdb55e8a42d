using System.Net;
using System.Text;
using System.Text.Json;
using Grounded.Server.Tests.Support;
using Grounded.Testing.Upstream;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Grounded.Server.Tests.Requests;

/// <summary>
/// Budgets from the config file, through the real host on a fake clock (2026-12-02 15:00 UTC). Output costs $0.01 a token and input
/// nothing, so a request reserves $0.01 per output token it allows, and the scripted upstream's answers (5 output tokens) cost $0.05.
/// </summary>
public sealed class BudgetTests(IndexedStoreFixture store) : IClassFixture<IndexedStoreFixture>, IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 15, 0, 0, TimeSpan.Zero));
    private ScriptableUpstream _upstream = null!;

    public async Task InitializeAsync() => _upstream = await ScriptableUpstream.StartAsync("small");

    public async Task DisposeAsync() => await _upstream.DisposeAsync();

    [Fact]
    public async Task ASpentBudgetGivesAskA429ProblemNamingTheBudgetAndItsResetWithRetryAfter()
    {
        using var factory = Factory("""{ scope: tenant, match: "*", usdPerDay: 1.00 }""");
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/v1/chat/completions", Chat(maxTokens: 5))).StatusCode);

        // Without an output limit, ask's answer may use the model's 100 tokens: $1.00, and $0.05 is spent.
        var response = await client.PostAsync("/v1/ask", Json("""{"question":"What causes ocean tides?","model":"small","topK":2}"""));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromHours(9), response.Headers.RetryAfter?.Delta);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal("budget_exceeded", problem.GetProperty("code").GetString());
        Assert.Equal(
            "budget exceeded: tenant 'default' has spent $0.05 of its $1.00 daily budget, too little for this request's $1.00; it resets at 2026-12-03T00:00:00Z",
            problem.GetProperty("detail").GetString());
        Assert.Equal(1, _upstream.Requests);
    }

    [Fact]
    public async Task TheUserFieldOfChatAndResponsesRequestsIsCountedAgainstThatUsersBudget()
    {
        using var factory = Factory("""{ scope: user, match: "*", usdPerDay: 0.08 }""");
        using var client = factory.CreateClient();

        var first = await client.PostAsync("/v1/chat/completions", Chat(maxTokens: 5, user: "alice"));
        var second = await client.PostAsync("/v1/chat/completions", Chat(maxTokens: 5, user: "alice"));
        var responses = await client.PostAsync("/v1/responses", Json("""{"model":"small","input":"hello","max_output_tokens":5,"user":"alice"}"""));
        var bob = await client.PostAsync("/v1/chat/completions", Chat(maxTokens: 5, user: "bob"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, responses.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bob.StatusCode);
        var error = JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal("budget_exceeded", error.GetProperty("code").GetString());
        Assert.Equal("insufficient_quota", error.GetProperty("type").GetString());
        Assert.StartsWith("budget exceeded: user 'alice' has spent $0.05 of its $0.08 daily budget", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.NotNull(second.Headers.RetryAfter);
    }

    [Fact]
    public async Task ARequestThatCanNeverFitItsBudgetIsA400()
    {
        using var factory = Factory("""{ scope: key, match: "*", maxTokensPerRequest: 50 }""");
        using var client = factory.CreateClient();

        var response = await client.PostAsync("/v1/chat/completions", Chat(maxTokens: 60));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal("request_exceeds_budget", error.GetProperty("code").GetString());
        Assert.Contains("key 'anonymous' allows 50 tokens per request", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Null(response.Headers.RetryAfter);
        Assert.Equal(0, _upstream.Requests);
    }

    private static StringContent Chat(int maxTokens, string? user = null) => Json(JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["model"] = "small",
        ["max_tokens"] = maxTokens,
        ["messages"] = new[] { new { role = "user", content = "hello" } },
        ["user"] = user,
    }));

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private WebApplicationFactory<Program> Factory(string budget)
    {
        var config = Path.Combine(store.Directory, $"grounded-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(config, $"""
            models:
              - name: small
                provider: openai
                endpoint: {_upstream.Endpoint}
                model: small-model
                contextWindow: 8000
                maxOutputTokens: 100
                price: {"{"} inputPerMTok: 0, outputPerMTok: 10000 {"}"}
            resilience:
              retry: {"{"} maxAttempts: 1 {"}"}
            budgets:
              - {budget}
            """);
        return new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Grounded:Config", config);
            b.UseSetting("Grounded:Store", store.Store);
            b.ConfigureServices(services => services.AddSingleton<TimeProvider>(_time));
        });
    }
}
