using System.Net.Http.Headers;
using System.Text;
using Grounded.Access;
using Grounded.Rag.Access;
using Grounded.Testing.Upstream;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Grounded.Server.Tests.Support;

/// <summary>
/// The real host with an agents folder (<c>researcher</c>: search_documents; <c>careful</c>: calculate with approval;
/// <c>cautious</c>: answers below 0.9 confidence held; <c>dreamer</c>: an unknown model), a scripted model over HTTP, and a store where the tests make keys of any tenant and role.
/// </summary>
internal sealed class AgentRunsHost : IAsyncDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("grounded-agent-runs-").FullName;
    private readonly List<WebApplicationFactory<Program>> _hosts = [];
    private SqliteAccessStore _keys = null!;

    private AgentRunsHost()
    {
    }

    public ScriptableUpstream Upstream { get; private set; } = null!;

    /// <summary>Gets the host the clients talk to (the newest one after <see cref="RestartAsync"/>).</summary>
    public WebApplicationFactory<Program> Host => _hosts[^1];

    private string Store => Path.Combine(_dir, "store");

    private string Agents => Path.Combine(_dir, "agents");

    public static async Task<AgentRunsHost> StartAsync()
    {
        var host = new AgentRunsHost();
        host.Upstream = await ScriptableUpstream.StartAsync("small");
        Directory.CreateDirectory(host.Agents);
        await File.WriteAllTextAsync(Path.Combine(host.Agents, "researcher.yaml"),
            "name: researcher\ninstructions: Answer from the documents and cite them.\nmodel: small\ntools: [search_documents]\ncaps: { maxSteps: 3, maxUsd: 0.05, timeout: 60s }\n");
        await File.WriteAllTextAsync(Path.Combine(host.Agents, "careful.yaml"),
            "name: careful\ninstructions: Use the calculator.\nmodel: small\ntools: [{ name: calculate, requiresApproval: true }]\ncaps: { maxSteps: 5 }\n");
        await File.WriteAllTextAsync(Path.Combine(host.Agents, "cautious.yaml"),
            "name: cautious\ninstructions: Answer from the documents.\nmodel: small\ntools: [search_documents]\napproval: { minConfidence: 0.9 }\n");
        await File.WriteAllTextAsync(Path.Combine(host.Agents, "dreamer.yml"), "name: dreamer\ninstructions: Dream.\nmodel: huge\n");
        host._keys = await SqliteAccessStore.OpenAsync(host.Store);
        host._hosts.Add(host.NewHost());
        return host;
    }

    /// <summary>Stops the host and starts a new one over the same store and config, as a server restart would.</summary>
    public async Task RestartAsync()
    {
        await Host.DisposeAsync();
        _hosts.Add(NewHost());
    }

    /// <summary>Returns a new key's secret.</summary>
    public async Task<string> KeyAsync(string tenant, Role role, long? tokensPerMinute = null) =>
        (await _keys.CreateAsync(new NewApiKey(tenant, role) { TokensPerMinute = tokensPerMinute }, default)).Secret;

    /// <summary>Returns a client of the current host sending <paramref name="key"/>.</summary>
    public HttpClient Client(string key)
    {
        var client = Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public static StringContent JsonBody(string body) => new(body, Encoding.UTF8, "application/json");

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        await _keys.DisposeAsync();
        await Upstream.DisposeAsync();
        await Folders.DeleteAsync(_dir);
    }

    private WebApplicationFactory<Program> NewHost() => GroundedFactory.Create(_dir, Upstream.Endpoint, Store, $"agents: {{ dir: \"{Agents}\" }}");
}
