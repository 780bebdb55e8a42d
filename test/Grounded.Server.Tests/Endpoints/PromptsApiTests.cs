using System.Net;
using System.Text;
using System.Text.Json;
using Grounded.Access;
using Grounded.Server.Tests.Support;

namespace Grounded.Server.Tests.Endpoints;

/// <summary>
/// <c>/v1/prompts</c>: readers see the registry, its active versions and history; only admins promote (behind the evaluation
/// gate, which really runs each version's data set through the echoing model) and roll back.
/// </summary>
public sealed class PromptsApiTests : IAsyncLifetime
{
    private PromptsHost _host = null!;

    public async Task InitializeAsync() => _host = await PromptsHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AnAdminPromotesAReaderSeesTheVersionWithTheScoreItWasPromotedWithAndTheHistory()
    {
        using var admin = _host.Client(await _host.KeyAsync(Tenants.Default, Role.Admin));
        using var reader = _host.Client(await _host.KeyAsync("other", Role.Reader));

        var promoted = await JsonAsync(await admin.PostAsync("/v1/prompts/summary/promote", Body("""{"version": "1.0.0", "env": "production"}""")));
        var shown = await JsonAsync(await reader.GetAsync("/v1/prompts/summary?env=production"));
        var listed = (await JsonAsync(await reader.GetAsync("/v1/prompts"))).GetProperty("data").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "summary");
        var history = await JsonAsync(await reader.GetAsync("/v1/prompts/summary/history"));

        Assert.Equal(("promoted", "summary@1.0.0"), (promoted.GetProperty("status").GetString(), promoted.GetProperty("candidate").GetString()));
        Assert.Equal(0.6667, promoted.GetProperty("candidate_score").GetDouble(), 3);
        Assert.Equal(("1.0.0", "active in production"), (shown.GetProperty("version").GetString(), shown.GetProperty("why").GetString()));
        Assert.Equal(0.6667, shown.GetProperty("promoted").GetProperty("score").GetDouble(), 3);
        Assert.Equal(0.6667, listed.GetProperty("scores").GetProperty("1.0.0").GetDouble(), 3);
        Assert.Equal("1.0.0", listed.GetProperty("active").GetProperty("production").GetString());
        var entry = Assert.Single(history.GetProperty("data").EnumerateArray());
        Assert.Equal((await _host.Access.ListAsync(Tenants.Default, default)).Single().Id, entry.GetProperty("actor").GetString()); // the admin's key
        var audit = await _host.Access.ReadAsync(DateTimeOffset.MinValue, null, 10, default);
        Assert.Contains(audit, a => a.Action == "prompt.promoted" && a.Target == "summary@1.0.0" && a.Detail.Contains("env=production from=none to=1.0.0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AWorseVersionIsRefusedWith422CarryingBothScoresAndForceRecordsItAsForced()
    {
        using var admin = _host.Client(await _host.KeyAsync(Tenants.Default, Role.Admin));
        await admin.PostAsync("/v1/prompts/summary/promote", Body("""{"version": "1.0.0", "env": "staging"}"""));

        var refused = await admin.PostAsync("/v1/prompts/summary/promote", Body("""{"version": "1.1.0", "env": "staging"}"""));
        var problem = await JsonAsync(refused);
        var forced = await JsonAsync(await admin.PostAsync("/v1/prompts/summary/promote", Body("""{"version": "1.1.0", "env": "staging", "force": true}""")));
        var shown = await JsonAsync(await admin.GetAsync("/v1/prompts/summary?env=staging"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(422, problem.GetProperty("status").GetInt32());
        Assert.Equal(0.4, problem.GetProperty("candidate_score").GetDouble(), 3);
        Assert.Equal(0.6667, problem.GetProperty("current_score").GetDouble(), 3);
        Assert.Contains("below summary@1.0.0's", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(("promoted", true), (forced.GetProperty("status").GetString(), forced.GetProperty("forced").GetBoolean()));
        Assert.True(shown.GetProperty("active").GetProperty("forced").GetBoolean());
        Assert.Equal("1.1.0", shown.GetProperty("version").GetString());
    }

    [Fact]
    public async Task AnAdminRollsBackToThePreviousVersionAndAWriterCanNeitherPromoteNorRollBack()
    {
        using var admin = _host.Client(await _host.KeyAsync(Tenants.Default, Role.Admin));
        using var writer = _host.Client(await _host.KeyAsync("acme", Role.Writer));
        await admin.PostAsync("/v1/prompts/summary/promote", Body("""{"version": "1.0.0", "env": "production"}"""));
        await admin.PostAsync("/v1/prompts/summary/promote", Body("""{"version": "1.2.0", "env": "production"}"""));

        var writerPromote = await writer.PostAsync("/v1/prompts/summary/promote", Body("""{"version": "1.0.0", "env": "production"}"""));
        var writerRollback = await writer.PostAsync("/v1/prompts/summary/rollback", Body("""{"env": "production"}"""));
        var rollback = await JsonAsync(await admin.PostAsync("/v1/prompts/summary/rollback", Body("""{"env": "production"}""")));
        var again = await admin.PostAsync("/v1/prompts/summary/rollback", Body("""{"env": "production"}"""));
        var shown = await JsonAsync(await writer.GetAsync("/v1/prompts/summary?env=production"));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (writerPromote.StatusCode, writerRollback.StatusCode));
        Assert.Equal(("rollback", "1.0.0", "1.2.0"), (rollback.GetProperty("action").GetString(), rollback.GetProperty("version").GetString(), rollback.GetProperty("previous").GetString()));
        Assert.Equal("1.0.0", shown.GetProperty("version").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("no previous version", (await JsonAsync(again)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherTenantsAdminCannotSwitchThePromptsEveryTenantUses()
    {
        using var acme = _host.Client(await _host.KeyAsync("acme", Role.Admin));

        var promote = await acme.PostAsync("/v1/prompts/summary/promote", Body("""{"version": "1.0.0", "env": "production"}"""));
        var rollback = await acme.PostAsync("/v1/prompts/summary/rollback", Body("""{"env": "production"}"""));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (promote.StatusCode, rollback.StatusCode));
        Assert.Contains("admin key of the default tenant", (await JsonAsync(promote)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDiffNamesTheFieldsThatChanged()
    {
        using var reader = _host.Client(await _host.KeyAsync("acme", Role.Reader));

        var diff = await JsonAsync(await reader.GetAsync("/v1/prompts/summary/diff?from=1.0.0&to=1.2.0"));

        Assert.Equal(("summary@1.0.0", "summary@1.2.0"), (diff.GetProperty("from").GetString(), diff.GetProperty("to").GetString()));
        var field = Assert.Single(diff.GetProperty("fields").EnumerateArray());
        Assert.Equal("template.system", field.GetProperty("field").GetString());
        Assert.Equal(["+Be brief."], field.GetProperty("lines").EnumerateArray().Select(l => l.GetString()));
    }

    [Theory]
    [InlineData("GET", "/v1/prompts/nothing", null)]
    [InlineData("GET", "/v1/prompts/summary@9.9.9", null)]
    [InlineData("GET", "/v1/prompts/nothing/history", null)]
    [InlineData("GET", "/v1/prompts/summary/diff?from=1.0.0&to=9.9.9", null)]
    [InlineData("POST", "/v1/prompts/summary/promote", """{"version": "9.9.9"}""")]
    [InlineData("POST", "/v1/prompts/nothing/promote", """{"version": "1.0.0"}""")]
    [InlineData("POST", "/v1/prompts/nothing/rollback", "{}")]
    public async Task AnUnknownPromptOrVersionIs404(string method, string path, string? body)
    {
        using var admin = _host.Client(await _host.KeyAsync(Tenants.Default, Role.Admin));

        var response = await admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = body is null ? null : Body(body) });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/v1/prompts/summary/promote", "{}", "version")]
    [InlineData("/v1/prompts/summary/promote", """{"version": "one"}""", "version")]
    [InlineData("/v1/prompts/summary/promote", """{"version": "1.0.0", "colour": "red"}""", "colour")]
    [InlineData("/v1/prompts/summary/promote", """{"version": "1.0.0", "env": "Prod Env"}""", "env")]
    [InlineData("/v1/prompts/summary/promote", """{"version": "1.0.0", "tolerance": 2}""", "tolerance")]
    [InlineData("/v1/prompts/summary/promote", """{"version": 1}""", "version")]
    [InlineData("/v1/prompts/summary/rollback", """{"env": 3}""", "env")]
    public async Task ABadBodyIs400NamingTheField(string path, string body, string field)
    {
        using var admin = _host.Client(await _host.KeyAsync(Tenants.Default, Role.Admin));

        var response = await admin.PostAsync(path, Body(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, (await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Empty(await _host.Access.HistoryAsync("summary", null, default));
    }

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
