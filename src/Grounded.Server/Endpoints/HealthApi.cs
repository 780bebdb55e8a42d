using Grounded.Gateway;
using Grounded.Gateway.Resilience;

namespace Grounded.Server.Endpoints;

/// <summary><c>/healthz</c> (the process is up) and <c>/readyz</c> (the store opens and at least one model's circuit is not open).</summary>
internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" })).WithTags("Health").WithSummary("Liveness");
        app.MapGet("/readyz", async (ModelGateway gateway, RagHost rag, CancellationToken ct) =>
        {
            var circuits = gateway.Options.Models.ToDictionary(m => m.Name, m => gateway.Circuit(m.Name).ToString().ToLowerInvariant());
            string store;
            try
            {
                var local = await rag.GetAsync();
                store = $"{(await local.Store.GetStatisticsAsync(ct)).Documents} documents";
            }
            catch (Exception e) when (e is Storage.StoreException or IOException or UnauthorizedAccessException)
            {
                return Results.Problem(detail: $"the store cannot be opened: {e.Message}", statusCode: 503);
            }

            var ready = gateway.Options.Models.Any(m => gateway.Circuit(m.Name) != CircuitState.Open);
            return Results.Json(new { status = ready ? "ready" : "degraded", store, circuits }, statusCode: ready ? 200 : 503);
        }).WithTags("Health").WithSummary("Readiness: store and provider circuits");
        return app;
    }
}
