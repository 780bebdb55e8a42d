using System.Net.Http.Headers;
using Grounded.Access;
using Grounded.Rag.Access;
using Grounded.Testing.Upstream;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Grounded.Server.Tests.Support;

/// <summary>
/// The real host with a prompts folder (<c>summary</c> 1.0.0 and 1.2.0 score token F1 0.6667 on their data set, 1.1.0 pads the
/// question and scores 0.4), a model that echoes the user message, and a store where the tests make keys of any tenant and role
/// and save evaluation runs.
/// </summary>
internal sealed class PromptsHost : IAsyncDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("grounded-prompts-api-").FullName;
    private ScriptableUpstream _upstream = null!;

    private PromptsHost()
    {
    }

    public WebApplicationFactory<Program> Host { get; private set; } = null!;

    /// <summary>Gets the store's access side, as an operator on the server would open it.</summary>
    public SqliteAccessStore Access { get; private set; } = null!;

    private string Store => Path.Combine(_dir, "store");

    public static async Task<PromptsHost> StartAsync()
    {
        var host = new PromptsHost();
        host._upstream = await ScriptableUpstream.StartAsync("small");
        var prompts = Path.Combine(host._dir, "prompts");
        Directory.CreateDirectory(Path.Combine(prompts, "summary"));
        Directory.CreateDirectory(Path.Combine(host._dir, "data"));
        await File.WriteAllTextAsync(Path.Combine(host._dir, "data", "summary.jsonl"),
            "{\"question\": \"blue whale\", \"answers\": [\"blue whale\"]}\n{\"question\": \"sperm whale\", \"answers\": [\"sperm whale\"]}\n");
        await File.WriteAllTextAsync(Path.Combine(prompts, "summary", "1.0.0.yaml"), Version("1.0.0", "{{question}}"));
        await File.WriteAllTextAsync(Path.Combine(prompts, "summary", "1.1.0.yaml"), Version("1.1.0", "zebra zebra zebra zebra {{question}}"));
        await File.WriteAllTextAsync(Path.Combine(prompts, "summary", "1.2.0.yaml"), Version("1.2.0", "{{question}}", "Be brief."));
        host.Access = await SqliteAccessStore.OpenAsync(host.Store);
        host.Host = GroundedFactory.Create(host._dir, host._upstream.Endpoint, host.Store, $"prompts: {{ dir: \"{prompts}\" }}");
        return host;
    }

    /// <summary>Returns a new key's secret.</summary>
    public async Task<string> KeyAsync(string tenant, Role role) => (await Access.CreateAsync(new NewApiKey(tenant, role), default)).Secret;

    /// <summary>Returns a client sending <paramref name="key"/>.</summary>
    public HttpClient Client(string key)
    {
        var client = Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Access.DisposeAsync();
        await _upstream.DisposeAsync();
        await Folders.DeleteAsync(_dir);
    }

    private static string Version(string version, string user, string system = "") => $"""
        id: summary
        version: {version}
        author: test
        description: Summarises
        model: small
        variables: [question]
        template:
          system: "{system}"
          user: "{user}"
        evaluation:
          dataset: ../../data/summary.jsonl
          metric: token_f1
        """;
}
