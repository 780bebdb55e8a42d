using System.Net;
using Grounded.Gateway;
using Grounded.Gateway.Config;
using Grounded.Rag;
using Grounded.Server.Endpoints;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Grounded.Server;

/// <summary>Builds the Grounded web host: the gateway, the OpenAI-compatible routes, RAG, health, metrics and OpenAPI.</summary>
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
            ["Grounded:Config"] = options.ConfigFile,
            ["Grounded:Store"] = options.StoreDirectory,
            ["Grounded:Insecure"] = options.Insecure ? "true" : "false",
            ["urls"] = options.Urls ?? DefaultUrl,
        };
        return Build(args ?? [], settings);
    }

    /// <summary>Builds the host from command-line style arguments (<c>--config FILE --urls URL --store DIR --insecure true</c>).</summary>
    public static WebApplication Build(string[] args, IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings.Where(s => s.Value is not null));
        }

        // Per-request framework logs would cost more than the gateway itself; the chat route logs one line per request.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => LoadConfig(sp.GetRequiredService<IConfiguration>()));
        builder.Services.AddSingleton(sp => new ModelGateway(sp.GetRequiredService<GatewayOptions>(), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton(sp =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            return new RagHost(configuration["Grounded:Store"] ?? configuration["store"] ?? LocalRagOptions.DefaultStoreDirectory());
        });
        builder.Services.AddSingleton<DocumentLibrary>();
        builder.Services.AddSingleton<ServerTelemetry>();
        builder.Services.AddOptions<KestrelServerOptions>().Configure<GatewayOptions>((kestrel, gateway) =>
            kestrel.Limits.MaxRequestBodySize = gateway.MaxRequestBodyBytes);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        var otel = builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddMeter(ModelGateway.TelemetrySourceName, ServerTelemetry.MeterName)
            .AddPrometheusExporter());
        if (!string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            // Traces only when someone collects them: an unsampled-but-recorded span per request would cost every caller.
            otel.WithTracing(tracing => tracing
                .AddSource(ModelGateway.TelemetrySourceName, ServerTelemetry.MeterName)
                .AddAspNetCoreInstrumentation()).UseOtlpExporter();
        }
        if (builder.Configuration["urls"] is null && Environment.GetEnvironmentVariable("ASPNETCORE_URLS") is null)
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var app = builder.Build();
        var gateway = app.Services.GetRequiredService<GatewayOptions>(); // validates the config now, not at the first request
        CheckBinding(app, gateway);
        app.UseMiddleware<ApiKeyMiddleware>();
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapOpenApi();
        app.MapHealth();
        app.MapChatCompletions();
        app.MapAsk();
        app.MapEmbeddings();
        app.MapDocuments();
        return app;
    }

    private static GatewayOptions LoadConfig(IConfiguration configuration)
    {
        var path = configuration["Grounded:Config"] ?? configuration["config"]
            ?? throw new ServerStartException("no gateway config: pass --config FILE (see docs/gateway.md)");
        return GatewayConfigLoader.Load(path);
    }

    private static void CheckBinding(WebApplication app, GatewayOptions gateway)
    {
        var urls = (app.Configuration["urls"] ?? Environment.GetEnvironmentVariable("ASPNETCORE_URLS") ?? DefaultUrl)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var exposed = urls.Where(u => !IsLoopback(u)).ToList();
        var insecure = string.Equals(app.Configuration["Grounded:Insecure"] ?? app.Configuration["insecure"], "true", StringComparison.OrdinalIgnoreCase);
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Grounded.Server");
        if (gateway.ApiKeyHashes.Count > 0)
        {
            log.LogInformation("API keys required on /v1 routes ({Count} configured)", gateway.ApiKeyHashes.Count);
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
