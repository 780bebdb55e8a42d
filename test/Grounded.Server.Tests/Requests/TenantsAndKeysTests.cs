using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Grounded.Access;
using Grounded.Rag.Access;
using Grounded.Server.Tests.Support;
using static Grounded.Server.Tests.Support.HttpBodies;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Grounded.Server.Tests.Requests;

/// <summary>Store keys on the real host: tenants see only their own documents, roles limit what keys may do, revoked keys and rate limits are enforced.</summary>
public sealed class TenantsAndKeysTests : IAsyncLifetime
{
    private const string Memo = "Project Halcyon quarterly revenue reached 41 million euros, according to the acme finance memo.\n";
    private const string Question = """{"question":"What was Project Halcyon quarterly revenue?"}""";
    private readonly string _dir = Directory.CreateTempSubdirectory("grounded-tenants-").FullName;
    private WebApplicationFactory<Program> _factory = null!;
    private SqliteAccessStore _keys = null!;

    private string Store => Path.Combine(_dir, "store");

    public async Task InitializeAsync()
    {
        _keys = await SqliteAccessStore.OpenAsync(Store);
        _factory = GroundedFactory.Create(_dir, new Uri("http://127.0.0.1:9/v1"), Store);
    }

    public async Task DisposeAsync()
    {
        _factory.Dispose();
        await _keys.DisposeAsync();
        await Grounded.Testing.Folders.DeleteAsync(_dir);
    }

    [Fact]
    public async Task ADocumentUploadedByOneTenantIsListedAndCitedForItAloneAndNeverForAnother()
    {
        var acme = Client(await KeyAsync("acme", Role.Writer));
        var globex = Client(await KeyAsync("globex", Role.Writer));

        Assert.Equal(HttpStatusCode.OK, (await acme.PostAsync("/v1/documents", Files(("memo.md", Memo)))).StatusCode);

        Assert.Single((await JsonAsync(await acme.GetAsync("/v1/documents"))).GetProperty("data").EnumerateArray());
        Assert.Empty((await JsonAsync(await globex.GetAsync("/v1/documents"))).GetProperty("data").EnumerateArray());
        var owner = await JsonAsync(await acme.PostAsync("/v1/ask", Json(Question)));
        Assert.Equal("memo.md", owner.GetProperty("citations")[0].GetProperty("source").GetString());
        var other = await (await globex.PostAsync("/v1/ask", Json(Question))).Content.ReadAsStringAsync();
        Assert.DoesNotContain("41 million", other, StringComparison.Ordinal);
        Assert.DoesNotContain("Halcyon", other, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TwoTenantsUploadingFilesOfTheSameNameGetTwoDocumentsAndDeleteOnlyTheirOwn()
    {
        var acme = Client(await KeyAsync("acme", Role.Writer));
        var globex = Client(await KeyAsync("globex", Role.Writer));
        var acmeId = (await JsonAsync(await acme.PostAsync("/v1/documents", Files(("notes.md", "Acme notes about kilns.\n"))))).GetProperty("documents")[0].GetProperty("id").GetString();
        var globexId = (await JsonAsync(await globex.PostAsync("/v1/documents", Files(("notes.md", "Globex notes about glaze.\n"))))).GetProperty("documents")[0].GetProperty("id").GetString();

        Assert.NotEqual(acmeId, globexId);
        Assert.Equal(HttpStatusCode.NotFound, (await globex.DeleteAsync($"/v1/documents/{acmeId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await acme.DeleteAsync($"/v1/documents/{acmeId}")).StatusCode);
        Assert.Single((await JsonAsync(await globex.GetAsync("/v1/documents"))).GetProperty("data").EnumerateArray());
        Assert.Contains(await _keys.ReadAsync(DateTimeOffset.UtcNow.AddMinutes(-5), "acme", 10, default), e => e.Action == "document.deleted" && e.Target == acmeId);
    }

    [Fact]
    public async Task AReaderKeysUploadAndDeleteAre403ProblemsNamingTheRoleNeeded()
    {
        var reader = Client(await KeyAsync("acme", Role.Reader));

        var upload = await reader.PostAsync("/v1/documents", Files(("memo.md", Memo)));
        var delete = await reader.DeleteAsync("/v1/documents/0123456789abcdef");

        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        Assert.Equal("application/problem+json", upload.Content.Headers.ContentType?.MediaType);
        Assert.Contains("needs writer", (await JsonAsync(upload)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/v1/models")).StatusCode);
    }

    [Fact]
    public async Task ADocumentGivenToAGroupIsSeenOnlyByKeysInThatGroup()
    {
        var finance = Client(await KeyAsync("acme", Role.Writer, groups: ["finance"]));
        var plain = Client(await KeyAsync("acme", Role.Reader));
        var form = Files(("salaries.md", "Salaries rise by four percent in March.\n"));
        form.Add(new StringContent("finance"), "groups");

        Assert.Equal(HttpStatusCode.OK, (await finance.PostAsync("/v1/documents", form)).StatusCode);
        var hr = Files(("reviews.md", "Reviews are in June.\n"));
        hr.Add(new StringContent("hr"), "groups");
        Assert.Equal(HttpStatusCode.Forbidden, (await finance.PostAsync("/v1/documents", hr)).StatusCode);

        Assert.Single((await JsonAsync(await finance.GetAsync("/v1/documents"))).GetProperty("data").EnumerateArray());
        Assert.Empty((await JsonAsync(await plain.GetAsync("/v1/documents"))).GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task AWriterCannotReplaceADocumentOfItsTenantThatItsGroupsDoNotSee()
    {
        var board = Client(await KeyAsync("acme", Role.Writer, groups: ["board"]));
        var engineering = Client(await KeyAsync("acme", Role.Writer, groups: ["eng"]));
        var memo = Files(("memo.md", Memo));
        memo.Add(new StringContent("board"), "groups");
        Assert.Equal(HttpStatusCode.OK, (await board.PostAsync("/v1/documents", memo)).StatusCode);

        var replaced = await engineering.PostAsync("/v1/documents", Files(("memo.md", "Nothing to see here.\n")));

        Assert.Equal(HttpStatusCode.Conflict, replaced.StatusCode);
        var kept = Assert.Single((await JsonAsync(await board.GetAsync("/v1/documents"))).GetProperty("data").EnumerateArray());
        Assert.Equal("board", kept.GetProperty("groups")[0].GetString());
        Assert.Contains("41 million", await (await board.PostAsync("/v1/ask", Json(Question))).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARevokedKeyIsRefusedWithin1SecondOnAServerThatHadJustAcceptedIt()
    {
        var issued = await _keys.CreateAsync(new NewApiKey("acme", Role.Reader), default);
        var client = Client(issued.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/models")).StatusCode);

        await _keys.RevokeAsync(issued.Key.Id, default); // as grounded keys revoke, or another replica, would
        await Task.Delay(TimeSpan.FromSeconds(1));

        var refused = await client.GetAsync("/v1/models");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("invalid_api_key", (await JsonAsync(refused)).GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task OnceTheStoreHoldsAKeyRequestsWithoutOneOrWithAWrongOneAre401()
    {
        Assert.Equal(HttpStatusCode.OK, (await _factory.CreateClient().GetAsync("/v1/models")).StatusCode); // no keys yet: open
        await KeyAsync("acme", Role.Reader);
        await Task.Delay(TimeSpan.FromSeconds(1.1));

        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.CreateClient().GetAsync("/v1/models")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client("grd_0123456789ab_not-the-secret").GetAsync("/v1/models")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _factory.CreateClient().GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task AKeyLimitedTo5RequestsAMinuteGetsOpenAisRateLimitErrorWithRetryAfterOnItsSixth()
    {
        var client = Client(await KeyAsync("acme", Role.Reader, rpm: 5));

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 6; i++)
        {
            last = await client.GetAsync("/v1/models");
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.TooManyRequests], statuses);
        Assert.InRange(int.Parse(last.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        var error = (await JsonAsync(last)).GetProperty("error");
        Assert.Equal("rate_limit_exceeded", error.GetProperty("code").GetString());
        Assert.Contains("limit 5", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdminManagesOnlyItsOwnTenantsKeysAndEveryChangeIsAudited()
    {
        var admin = Client(await KeyAsync("acme", Role.Admin));
        var otherAdmin = Client(await KeyAsync("globex", Role.Admin));

        var created = await JsonAsync(await admin.PostAsync("/v1/keys", Json("""{"role":"reader","name":"ci"}""")));
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await Client(created.GetProperty("key").GetString()!).GetAsync("/v1/models")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsync("/v1/keys", Json("""{"role":"reader","tenant":"globex"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.DeleteAsync($"/v1/keys/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"/v1/keys/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Client(await KeyAsync("acme", Role.Writer)).GetAsync("/v1/keys")).StatusCode);

        var audit = (await JsonAsync(await admin.GetAsync("/v1/audit?since=1h"))).GetProperty("data").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["key.created", "key.revoked"], audit);
        Assert.Empty((await JsonAsync(await otherAdmin.GetAsync("/v1/audit?since=1h"))).GetProperty("data").EnumerateArray());
        Assert.DoesNotContain("grd_", await (await admin.GetAsync("/v1/keys")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<string> KeyAsync(string tenant, Role role, IReadOnlyList<string>? groups = null, long? rpm = null) =>
        (await _keys.CreateAsync(new NewApiKey(tenant, role) { Groups = groups ?? [], RequestsPerMinute = rpm }, default)).Secret;

    private HttpClient Client(string key)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
