using Grounded.Gateway.Config;
using Grounded.Hosting.Agents;
using Grounded.Rag;
using Grounded.Testing.Upstream;

namespace Grounded.Hosting.Tests.Agents;

/// <summary>
/// What the committed agent task set runs against in CI: the bundled docs indexed once into a temporary store, the orders
/// test service, and a scripted model over real HTTP; one stack for every task (loading the embedding model is the slow part).
/// </summary>
public sealed class AgentTaskSetFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _directory = new();

    internal GroundedStack Stack { get; private set; } = null!;

    public ScriptableUpstream Upstream { get; private set; } = null!;

    public OpenApiTestService Orders { get; private set; } = null!;

    /// <summary>Gets the committed task set, <c>eval/agents/tasks.jsonl</c>.</summary>
    public static string TasksFile => Path.Combine(RepositoryRoot(), "eval", "agents", "tasks.jsonl");

    public async Task InitializeAsync()
    {
        Upstream = await ScriptableUpstream.StartAsync("small");
        Orders = await OpenApiTestService.StartAsync();
        Stack = GroundedStack.Create(new GroundedOptions
        {
            Rag = new LocalRagOptions { Store = _directory.Combine("store") },
            Gateway = new GatewayOptions
            {
                Models = [new ModelOptions { Name = "small", Provider = "openai", ProviderModel = "m", Endpoint = Upstream.Endpoint, ContextWindow = 32_000, MaxOutputTokens = 500, InputPerMTok = 0.15, OutputPerMTok = 0.6 }],
                Resilience = new ResilienceOptions { MaxAttempts = 1 },
            },
        });
        await AgentTaskSet.IndexDocsIfEmptyAsync(Stack, Path.Combine(RepositoryRoot(), "docs"));
    }

    public async Task DisposeAsync()
    {
        await Stack.DisposeAsync();
        await Orders.DisposeAsync();
        await Upstream.DisposeAsync();
    }

    public void Dispose() => _directory.Dispose();

    /// <summary>Returns run options for the committed set: its folder, the orders service's URL, the scripted model.</summary>
    internal AgentTaskRunOptions RunOptions() => new()
    {
        AgentsFolder = Path.GetDirectoryName(TasksFile)!,
        Variables = new Dictionary<string, string> { ["ORDERS_API_URL"] = Orders.BaseUrl.AbsoluteUri.TrimEnd('/') },
        Scripted = true,
    };

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Grounded.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Grounded.slnx above {AppContext.BaseDirectory}");
    }
}
