using System.Net;
using System.Text;
using Grounded.Server.Tests.Support;
using Grounded.Testing.Upstream;

namespace Grounded.Server.Tests.Requests;

/// <summary>What <c>/metrics</c> shows after real requests through the real host: answers and abstention, spend by tenant and key, feedback, errors by kind.</summary>
public sealed class MonitoringMetricsTests(IndexedStoreFixture store) : IClassFixture<IndexedStoreFixture>, IAsyncLifetime
{
    private ScriptableUpstream _upstream = null!;

    public async Task InitializeAsync() => _upstream = await ScriptableUpstream.StartAsync("small");

    public async Task DisposeAsync() => await _upstream.DisposeAsync();

    [Fact]
    public async Task OneAnswerOneCompletionAndFeedbackShowAsAbstentionSpendFeedbackAndErrorMetrics()
    {
        _upstream.Default = new Step.Ok("Hi.");
        using var factory = GroundedFactory.Create(store.Directory, _upstream.Endpoint, store.Store,
            modelYaml: "price: { inputPerMTok: 0.15, outputPerMTok: 0.60 }");
        using var client = factory.CreateClient();

        var answer = await HttpBodies.JsonAsync(await client.PostAsync("/v1/ask", Json("""{"question":"What causes ocean tides?"}""")));
        var completion = await client.PostAsync("/v1/chat/completions", Json("""{"model":"small","messages":[{"role":"user","content":"hi"}]}"""));
        var rated = await client.PostAsync("/v1/feedback", Json($$"""{"id":"{{answer.GetProperty("id").GetString()}}","rating":"up"}"""));
        var unknown = await client.PostAsync("/v1/feedback", Json("""{"id":"ans_ffffffffffffffffffffffff","rating":"up"}"""));
        var metrics = await client.GetStringAsync("/metrics");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NoContent, HttpStatusCode.NotFound), (completion.StatusCode, rated.StatusCode, unknown.StatusCode));
        Assert.Matches("""grounded_answers_total\{[^}]*grounded_abstained="(true|false)""", metrics);
        Assert.Matches("""grounded_server_cost[^{ ]*\{[^}]*grounded_key="anonymous"[^}]*grounded_tenant="default""", metrics);
        Assert.Matches("""grounded_feedback_total\{[^}]*grounded_endpoint="ask"[^}]*grounded_rating="up""", metrics);
        Assert.Matches("""grounded_server_errors_total\{[^}]*error_type="not_found"[^}]*grounded_route="feedback""", metrics);
        Assert.Contains("grounded_answers_abstention_rate", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithMetricsOffThereIsNoMetricsRouteAndRequestsStillWork()
    {
        using var factory = GroundedFactory.Create(store.Directory, _upstream.Endpoint, store.Store, "monitoring: { metrics: false }");
        using var client = factory.CreateClient();

        var answer = await client.PostAsync("/v1/ask", Json("""{"question":"What causes ocean tides?"}"""));
        var metrics = await client.GetAsync("/metrics");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NotFound), (answer.StatusCode, metrics.StatusCode));
    }

    [Fact]
    public async Task WithAJudgeModelASampledAnswerIsJudgedOffTheRequestPathAndItsScoreExported()
    {
        _upstream.Default = new Step.Ok("""{"score": 4, "reason": "supported"}""");
        using var factory = GroundedFactory.Create(store.Directory, _upstream.Endpoint, store.Store, "monitoring: { judgeModel: small, judgeSampleRate: 1 }");
        using var client = factory.CreateClient();

        var answer = await HttpBodies.JsonAsync(await client.PostAsync("/v1/ask", Json("""{"question":"What causes ocean tides?"}""")));

        Assert.False(answer.GetProperty("abstained").GetBoolean());
        var metrics = string.Empty;
        for (var i = 0; i < 100 && !metrics.Contains("grounded_answers_judge_score_sum", StringComparison.Ordinal); i++)
        {
            await Task.Delay(200);
            metrics = await client.GetStringAsync("/metrics");
        }

        Assert.Matches("""grounded_answers_judge_score_sum\{[^}]*gen_ai_request_model="extractive"[^}]*\} 0\.75""", metrics);
        Assert.Contains("no reference answer", Assert.Single(_upstream.Bodies), StringComparison.Ordinal);
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}
