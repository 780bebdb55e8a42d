using System.Net;
using Grounded.Gateway;
using Grounded.Hosting;
using Grounded.Hosting.Config;
using Grounded.Server.Endpoints;
using Grounded.Server.Errors;
using Grounded.Server.Lifecycle;
using Grounded.Server.Requests;
using Grounded.Server.WebApp;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Grounded.Server;

/// <summary>Builds the Grounded web host: the stack (RAG core and gateway), the OpenAI-compatible routes, RAG routes, health, metrics and OpenAPI.</summary>
public static class GroundedServer
{
    /// <summary>The address used when no <c>--urls</c> is given: loopback only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:8080";

    /// <summary>Builds the host for <c>grounded serve</c>.</summary>
    public static WebApplication Build(ServeOptions options, string[]? args = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = new Dictionary<string, string?>
        {
            ["Grounded:Insecure"] = options.Insecure ? "true" : "false",
            ["urls"] = options.Urls ?? DefaultUrl,
        };
        return Build(args ?? [], settings, options.Grounded);
    }

    /// <summary>
    /// Builds the host from command-line style arguments (<c>--config FILE --urls URL --store LOCATION --insecure true</c>),
    /// reading the configuration at start-up when <paramref name="grounded"/> is null.
    /// </summary>
    public static WebApplication Build(string[] args, IDictionary<string, string?>? settings = null, GroundedOptions? grounded = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings.Where(s => s.Value is not null));
        }

        // Per-request framework logs would cost more than the gateway itself; each request logs one line of its own.
        // Logs go to stderr, so that stdout carries only what grounded serve prints (one JSON object with --json).
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => grounded ?? LoadOptions(sp.GetRequiredService<IConfiguration>()));
        builder.Services.AddSingleton(sp => sp.GetRequiredService<GroundedOptions>().Gateway);
        builder.Services.AddSingleton(sp => GroundedStack.Create(sp.GetRequiredService<GroundedOptions>(), time: sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<DocumentLibrary>();
        builder.Services.AddSingleton<AuditTrail>();
        builder.Services.AddSingleton<ServerTelemetry>();
        builder.Services.AddSingleton<AnswerTelemetry>();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<GroundedStack>().Monitoring);
        builder.Services.AddHostedService<Grounded.Server.Monitoring.AlertService>();
        builder.Services.AddGracefulOperations();
        builder.Services.AddSingleton<SampledAnswerJudge>();
        builder.Services.AddOptions<KestrelServerOptions>().Configure<GroundedOptions>((kestrel, options) =>
            kestrel.Limits.MaxRequestBodySize = options.Gateway.MaxRequestBodyBytes);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddGroundedMcp();
        builder.Services.AddWebApp();
        // The meters are chosen when the provider is built, from the config: with monitoring.metrics off nothing listens
        // (instruments without a listener cost a branch) and /metrics is not mapped.
        var otel = builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddPrometheusExporter());
        builder.Services.ConfigureOpenTelemetryMeterProvider((sp, meters) =>
        {
            if (sp.GetRequiredService<GroundedOptions>().Monitoring.Metrics)
            {
                meters.AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", ModelGateway.TelemetrySourceName, ServerTelemetry.MeterName);
            }
        });
        if (!string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            // Traces only when someone collects them: an unsampled-but-recorded span per request would cost every caller.
            otel.WithTracing(tracing => tracing
                .AddSource(ModelGateway.TelemetrySourceName, ServerTelemetry.MeterName, Grounded.Rag.RagTelemetry.SourceName, Grounded.Agents.Loop.AgentTelemetry.SourceName)
                .AddAspNetCoreInstrumentation()).UseOtlpExporter();
        }

        if (builder.Configuration["urls"] is null && Environment.GetEnvironmentVariable("ASPNETCORE_URLS") is null)
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var app = builder.Build();
        var options = app.Services.GetRequiredService<GroundedOptions>(); // reads and validates the config now, not at the first request
        var stack = app.Services.GetRequiredService<GroundedStack>();
        try
        {
            _ = stack.Prompts; // a broken prompts directory is a config error found before listening, not a 503 at the first request
        }
        catch (Grounded.Rag.Prompts.PromptRegistryException e)
        {
            throw new ConfigException($"the prompt registry is invalid ({options.Prompts.Directory ?? "built-in prompts only"}):{Environment.NewLine}  - {string.Join(Environment.NewLine + "  - ", e.Problems)}", e) { Problems = e.Problems };
        }

        _ = stack.ConnectSharedStateAsync(); // in the background: listening does not wait for Redis
        CheckAgents(app, stack, options);
        CheckBinding(app, options);

        // The request pipeline, outermost first: request context (id, headers, log line) → the shutdown's drain deadline →
        // the web app's static files → routing → failures to HTTP → identity (the key becomes tenant, role, groups) → rate
        // limits → the routes (roles checked per route).
        app.UseMiddleware<RequestContextMiddleware>();
        app.UseMiddleware<DrainMiddleware>();
        app.UseWebApp();
        app.UseRouting();
        app.UseMiddleware<ErrorMiddleware>();
        app.UseMiddleware<IdentityMiddleware>();
        app.UseMiddleware<RateLimitMiddleware>();
        if (options.Monitoring.Metrics)
        {
            app.MapPrometheusScrapingEndpoint("/metrics");
        }

        app.MapOpenApi();
        app.MapHealth();
        app.MapMe();
        app.MapChatCompletions();
        app.MapModels();
        app.MapResponses();
        app.MapAsk();
        app.MapSearch();
        app.MapFeedback();
        app.MapEmbeddings();
        app.MapDocuments();
        app.MapKeys();
        app.MapAgentRuns();
        app.MapPrompts();
        app.MapEvaluations();
        app.MapDashboard();
        app.MapGroundedMcp();
        return app;
    }

    // Runs a stopped process left running are ended (any replica may do it), and the agents folder's files are checked before
    // listening, every problem logged: a broken agent is visible at start-up while the others keep working (starting it
    // answers 422 with the same problems).
    private static void CheckAgents(WebApplication app, GroundedStack stack, GroundedOptions options)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Grounded.Server");
        try
        {
            if (stack.Agents.EndAbandonedAsync(TimeSpan.FromMinutes(1)).GetAwaiter().GetResult() is > 0 and var ended)
            {
                log.LogInformation("{Count} agent runs a stopped process had left running were ended", ended);
            }
        }
        catch (Grounded.Storage.StoreException e)
        {
            log.LogWarning("abandoned agent runs were not checked: {Message}", e.Message); // the store may come back; requests say so meanwhile
        }

        if (options.AgentsDirectory is not { } dir)
        {
            return;
        }

        var files = Grounded.Hosting.Agents.AgentsFolder.Files(dir);
        foreach (var problem in files.SelectMany(f => stack.Agents.ValidateAsync(f).GetAwaiter().GetResult()))
        {
            log.LogWarning("agent file problem: {Problem}", problem);
        }

        log.LogInformation("{Count} agent files in {Directory}", files.Count, dir);
    }

    private static GroundedOptions LoadOptions(IConfiguration configuration) =>
        GroundedConfig.Load(configuration["Grounded:Config"] ?? configuration["config"])
            .WithCommandLine(store: (configuration["Grounded:Store"] ?? configuration["store"]) is { Length: > 0 } store ? store : null);

    private static void CheckBinding(WebApplication app, GroundedOptions options)
    {
        var urls = (app.Configuration["urls"] ?? Environment.GetEnvironmentVariable("ASPNETCORE_URLS") ?? DefaultUrl)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var exposed = urls.Where(u => !IsLoopback(u)).ToList();
        var insecure = string.Equals(app.Configuration["Grounded:Insecure"] ?? app.Configuration["insecure"], "true", StringComparison.OrdinalIgnoreCase);
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Grounded.Server");
        var keys = options.Gateway.ApiKeyHashes.Count;
        var authenticator = app.Services.GetRequiredService<GroundedStack>().Keys;
        authenticator.AllowAnonymous = exposed.Count == 0 || insecure; // exposed: never open, even if the keys vanish later
        if (authenticator.HasKeysAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult())
        {
            log.LogInformation("API keys required on /v1 and /mcp routes ({Count} in the config file, and the store's keys)", keys);
            return;
        }

        if (exposed.Count > 0 && !insecure)
        {
            throw new ServerStartException(
                $"refusing to listen on {string.Join(", ", exposed)} without API keys: add auth.keys to the config, bind 127.0.0.1, or pass --insecure");
        }

        if (exposed.Count > 0)
        {
            log.LogWarning("no API keys configured and --insecure given: anyone who can reach {Urls} can use the server", string.Join(", ", urls));
        }
        else
        {
            log.LogWarning("no API keys configured: listening on loopback only ({Urls})", string.Join(", ", urls));
        }
    }

    private static bool IsLoopback(string url)
    {
        var host = Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            ? uri.Host.Trim('[', ']') : url;
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }
}
