using Grounded.Gateway.Resilience;
using Grounded.Hosting;
using Grounded.Server.Errors;
using Grounded.Server.Lifecycle;

namespace Grounded.Server.Endpoints;

/// <summary><c>/healthz</c> (the process is up) and <c>/readyz</c> (the server is not stopping, the store opens and, when models are configured, at least one model's circuit is not open).</summary>
internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" })).WithTags("Health").WithSummary("Liveness");
        app.MapGet("/readyz", async (GroundedStack stack, GracefulShutdown shutdown, CancellationToken ct) =>
        {
            if (shutdown.IsStopping)
            {
                // Load balancers take the replica out now, while it still serves (server.shutdownDelay).
                return Results.Json(new { status = "stopping" }, statusCode: 503);
            }

            var gateway = stack.Gateway;
            var circuits = gateway.Options.Models.ToDictionary(m => m.Name, m => gateway.Circuit(m.Name).ToString().ToLowerInvariant());
            var rag = await stack.GetRagAsync(ct); // a store that cannot be opened is a 503 (the error middleware says why)
            var statistics = await rag.Store.GetStatisticsAsync(ct);
            var counts = !await stack.Keys.KeysRequiredAsync(ct); // with keys, tenants' sizes are not for anyone who can reach the port
            var ready = gateway.Options.Models.Count == 0 || gateway.Options.Models.Any(m => gateway.Circuit(m.Name) != CircuitState.Open);
            return Results.Json(new
            {
                status = ready ? "ready" : "degraded",
                store = new { location = rag.Store.Location, documents = counts ? statistics.Documents : (int?)null, chunks = counts ? statistics.Chunks : (int?)null, model = statistics.EmbeddingModel },
                circuits,
            }, statusCode: ready ? 200 : 503);
        }).WithTags("Health").WithSummary("Readiness: store and provider circuits").WithMetadata(ProblemErrors.Instance);
        return app;
    }
}
