using System.Diagnostics;
using Grounded.Testing.Upstream;

namespace Grounded.Bench.Load.Rig;

/// <summary>
/// What the rig runs: two scripted providers (a primary and its fallback) with a model's latency, a fresh PostgreSQL
/// database holding the bundled documentation, the shared Redis, and N replicas of <c>grounded serve</c> on loopback
/// ports, all pointed at the same store, Redis and providers by one configuration file.
/// </summary>
internal sealed class Cluster : IAsyncDisposable
{
    /// <summary>A realistic answer: about 40 tokens with a citation, as a grounded answer reads.</summary>
    public const string Answer = "The gateway retries a failed call with exponential backoff and jitter, opens the provider's circuit after repeated failures, and then sends the request to the next model in the fallback list, so the caller sees one answer [1].";

    private readonly List<Replica> _replicas = [];
    private readonly bool _keep;

    private Cluster(Services services, string work, string database, string storeUrl, bool keep)
    {
        Services = services;
        Work = work;
        Database = database;
        StoreUrl = storeUrl;
        _keep = keep;
    }

    public Services Services { get; }

    public string Work { get; }

    public string Database { get; }

    public string StoreUrl { get; }

    public ScriptableUpstream Primary { get; private set; } = null!;

    public ScriptableUpstream Fallback { get; private set; } = null!;

    public string Config { get; private set; } = null!;

    public IReadOnlyList<Replica> Replicas => _replicas;

    public required string Cli { get; init; }

    public required string Repository { get; init; }

    /// <summary>Starts everything; <paramref name="extraConfig"/> is appended to the configuration file (YAML).</summary>
    public static async Task<Cluster> StartAsync(string repository, string cli, int replicas, RigOptions options, Action<string> say)
    {
        var services = Services.FromEnvironment(repository);
        var work = System.IO.Directory.CreateTempSubdirectory("grounded-load-").FullName;
        var database = $"grounded_load_{DateTime.UtcNow:MMddHHmmss}_{Environment.ProcessId}";
        // Each replica's connection pool is capped so that every replica at its peak stays under PostgreSQL's max_connections
        // (200 here): Npgsql's default of 100 lets two queueing replicas take them all ("53300: too many clients").
        var store = await services.CreateDatabaseAsync(database) + "?Maximum%20Pool%20Size=40";
        var cluster = new Cluster(services, work, database, store, options.Keep) { Cli = cli, Repository = repository };
        cluster.Primary = await StartUpstreamAsync("small", options);
        cluster.Fallback = await StartUpstreamAsync("large", options);
        cluster.Config = Path.Combine(work, "grounded.yaml");
        await File.WriteAllTextAsync(cluster.Config, cluster.ConfigYaml(options));
        say($"ingesting the bundled documentation into {store}");
        var ingest = await cluster.RunCliAsync(TimeSpan.FromMinutes(10), "ingest", Path.Combine(repository, "docs"), "--json");
        if (ingest.ExitCode != 0)
        {
            throw new InvalidOperationException($"grounded ingest failed: {ingest.Error}");
        }

        say($"starting {replicas} replicas of grounded serve");
        for (var i = 0; i < replicas; i++)
        {
            cluster._replicas.Add(new Replica(i, cli, cluster.Config, work, new Dictionary<string, string> { ["GROUNDED_HOME"] = Path.Combine(work, $"home-{i}") }));
        }

        await Task.WhenAll(cluster._replicas.Select(r => r.StartAsync()));
        return cluster;
    }

    public string ConfigYaml(RigOptions options) => $"""
        store: {StoreUrl}
        models:
          - name: small
            provider: openai
            endpoint: {Primary.Endpoint}
            model: small-model
            contextWindow: 128000
            maxOutputTokens: 4096
            price: {"{"} inputPerMTok: 0.15, outputPerMTok: 0.60 {"}"}
          - name: large
            provider: openai
            endpoint: {Fallback.Endpoint}
            model: large-model
            contextWindow: 128000
            maxOutputTokens: 4096
            price: {"{"} inputPerMTok: 0.15, outputPerMTok: 0.60 {"}"}
        fallbacks: {"{"} small: [large] {"}"}
        resilience:
          retry: {"{"} maxAttempts: 2, baseDelay: 100ms, maxDelay: 1s, jitter: 0.5 {"}"}
          circuitBreaker: {"{"} failureThreshold: 5, breakDuration: 5s {"}"}
          attemptTimeout: 5s
        redis: {"{"} url: {Services.Redis} {"}"}
        cache: {"{"} exact: true, ttl: 1h {"}"}
        {options.ExtraConfig}
        """;

    /// <summary>Runs the CLI on the cluster's store and configuration; returns its exit code and output.</summary>
    public async Task<(int ExitCode, string Output, string Error)> RunCliAsync(TimeSpan within, params string[] arguments)
    {
        using var process = StartCli(arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(within);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Starts the CLI with the cluster's configuration (the caller waits for it, or kills it).</summary>
    public Process StartCli(IEnumerable<string> arguments, string? store = null, string? config = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Cli);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--config");
        start.ArgumentList.Add(config ?? Config);
        if (store is not null)
        {
            start.ArgumentList.Add("--store");
            start.ArgumentList.Add(store);
        }

        start.Environment["GROUNDED_HOME"] = Path.Combine(Work, "cli-home");
        start.Environment["OPENAI_API_KEY"] = "sk-load";
        return Process.Start(start) ?? throw new InvalidOperationException("cannot start dotnet");
    }

    /// <summary>Restores the providers' normal behaviour (no script, a model's latency).</summary>
    public void HealProviders(RigOptions options)
    {
        foreach (var upstream in new[] { Primary, Fallback })
        {
            upstream.Reset();
            Configure(upstream, options);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var replica in _replicas)
        {
            await replica.DisposeAsync();
        }

        await Primary.DisposeAsync();
        await Fallback.DisposeAsync();
        if (!_keep)
        {
            try
            {
                await Services.DropDatabaseAsync(Database);
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or System.Net.Sockets.SocketException)
            {
                Console.Error.WriteLine($"load: the database {Database} was not dropped: {e.Message}");
            }

            System.IO.Directory.Delete(Work, recursive: true);
        }
    }

    private static async Task<ScriptableUpstream> StartUpstreamAsync(string name, RigOptions options)
    {
        var upstream = await ScriptableUpstream.StartAsync(name);
        upstream.KeepBodies = false;
        Configure(upstream, options);
        return upstream;
    }

    private static void Configure(ScriptableUpstream upstream, RigOptions options)
    {
        upstream.Default = new Step.Ok(Answer, options.FirstTokenLatency);
        upstream.TokenInterval = options.TokenInterval;
    }

    public static double Seconds(long since) => Stopwatch.GetElapsedTime(since).TotalSeconds;
}

/// <summary>How the rig is set up: the providers' latency and anything added to the configuration file.</summary>
internal sealed record RigOptions
{
    public TimeSpan FirstTokenLatency { get; init; } = TimeSpan.FromMilliseconds(300);

    public TimeSpan TokenInterval { get; init; } = TimeSpan.FromMilliseconds(12);

    public string ExtraConfig { get; init; } = string.Empty;

    public bool Keep { get; init; }
}
