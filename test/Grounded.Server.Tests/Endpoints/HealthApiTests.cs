using System.Net;
using System.Text;
using System.Text.Json;
using Grounded.Server.Tests.Support;
using Grounded.Testing.Upstream;

namespace Grounded.Server.Tests.Endpoints;

/// <summary><c>/readyz</c> says whether the store opens and whether any model's circuit lets calls through.</summary>
public sealed class HealthApiTests(IndexedStoreFixture store) : IClassFixture<IndexedStoreFixture>, IAsyncLifetime
{
    private ScriptableUpstream _upstream = null!;

    public async Task InitializeAsync() => _upstream = await ScriptableUpstream.StartAsync("small");

    public async Task DisposeAsync() => await _upstream.DisposeAsync();

    [Fact]
    public async Task ReadyReportsTheStoreAndEveryCircuit()
    {
        using var factory = GroundedFactory.Create(store.Directory, _upstream.Endpoint, store.Store);
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("ready", body.GetProperty("status").GetString());
        Assert.Equal(3, body.GetProperty("store").GetProperty("documents").GetInt32());
        Assert.Equal(Path.GetFullPath(store.Store), body.GetProperty("store").GetProperty("location").GetString());
        Assert.Equal("closed", body.GetProperty("circuits").GetProperty("small").GetString());
    }

    [Fact]
    public async Task WhenEveryModelsCircuitIsOpenItIsDegraded()
    {
        _upstream.Default = new Step.Fail(500);
        using var factory = GroundedFactory.Create(store.Directory, _upstream.Endpoint, store.Store, "resilience: { retry: { maxAttempts: 1 }, circuitBreaker: { failureThreshold: 1, breakDuration: 10m } }");
        using var client = factory.CreateClient();
        await client.PostAsync("/v1/chat/completions", new StringContent("""{"model":"small","messages":[{"role":"user","content":"x"}]}""", Encoding.UTF8, "application/json"));

        var response = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("degraded", body.GetProperty("status").GetString());
        Assert.Equal("open", body.GetProperty("circuits").GetProperty("small").GetString());
    }

    [Fact]
    public async Task AStoreThatCannotBeOpenedIsNotReadyAndSaysWhy()
    {
        using var factory = GroundedFactory.Create(store.Directory, _upstream.Endpoint, "postgres://nobody@127.0.0.1:1/none");
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("the store cannot be used: cannot open store 'postgres://nobody@127.0.0.1:1/none'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Directory.GetCurrentDirectory(), "postgres:")));
    }

    [Fact]
    public async Task WithNoModelsConfiguredTheStoreAloneDecides()
    {
        var config = Path.Combine(store.Directory, $"no-models-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(config, "store: " + store.Store + "\n");
        using var factory = new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseSetting("Grounded:Config", config));
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
