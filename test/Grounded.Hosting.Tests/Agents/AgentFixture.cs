using Grounded.Access;
using Grounded.Gateway.Config;
using Grounded.Rag;
using Grounded.Rag.Ingest;
using Grounded.Testing.Upstream;

namespace Grounded.Hosting.Tests.Agents;

/// <summary>
/// A store with one document in each of two tenants and a scripted model over real HTTP: what agent runs are tested against.
/// </summary>
public sealed class AgentFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _directory = new();

    public ScriptableUpstream Upstream { get; private set; } = null!;

    public string Directory => _directory.Path;

    public string Store => _directory.Combine("store");

    public async Task InitializeAsync()
    {
        Upstream = await ScriptableUpstream.StartAsync("small");
        _directory.Write("acme/osprey.md", "# Osprey relay\n\nThe Osprey relay station restarts its beacon every 40 minutes.\n");
        _directory.Write("globex/heron.md", "# Heron relay\n\nThe Heron relay station restarts its beacon every 15 minutes.\n");
        await using var rag = await LocalRag.OpenAsync(new LocalRagOptions { Store = Store });
        await rag.Ingestion().IngestAsync([_directory.Combine("acme/osprey.md")], new IngestOptions { SourceBase = Directory, Tenant = Tenants.Default });
        await rag.Ingestion().IngestAsync([_directory.Combine("globex/heron.md")], new IngestOptions { SourceBase = Directory, Tenant = "globex" });
    }

    public async Task DisposeAsync() => await Upstream.DisposeAsync();

    public void Dispose() => _directory.Dispose();

    /// <summary>Returns options for a stack on the fixture's store with one priced model, <c>small</c>, served by the scripted upstream.</summary>
    public GroundedOptions Options() => new()
    {
        Rag = new LocalRagOptions { Store = Store },
        Gateway = new GatewayOptions
        {
            Models = [new ModelOptions { Name = "small", Provider = "openai", ProviderModel = "m", Endpoint = Upstream.Endpoint, ContextWindow = 8000, MaxOutputTokens = 500, InputPerMTok = 150, OutputPerMTok = 600 }],
            Resilience = new ResilienceOptions { MaxAttempts = 1 },
        },
    };

    /// <summary>Writes an agent file and returns its path.</summary>
    public string Agent(string yaml)
    {
        var path = _directory.Combine($"agents/agent-{Guid.NewGuid():N}.yaml");
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, yaml);
        return path;
    }
}
