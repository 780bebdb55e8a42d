using System.Text.Json;
using Grounded.Access;
using Grounded.Hosting;
using Grounded.Hosting.Access;
using Grounded.Hosting.Monitoring;
using Grounded.Server.Errors;
using Grounded.Server.Lifecycle;
using Grounded.Server.Requests;

namespace Grounded.Server.Endpoints;

/// <summary>
/// <c>GET /v1/dashboard?since=24h&amp;bucket=5m</c>: the series the dashboard draws (requests, errors, latency percentiles, spend,
/// tokens, cache hits, answers, abstentions, grounding, guard triggers and feedback per bucket, with totals and models) of the
/// caller's tenant (of every tenant on a server without keys), from the store every replica shares; and the alert rules'
/// states, which are server-wide, so only admins see them.
/// </summary>
internal static class DashboardApi
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/dashboard", GetAsync).WithTags("Monitoring").WithMetadata(ProblemErrors.Instance)
            .WithSummary("The dashboard's series over the last since (1h, 24h, 7d, 30d) in buckets (chosen from the range unless given), with totals, models and alert states")
            .ProducesProblem(400);
        return app;
    }

    private static async Task<IResult> GetAsync(HttpContext http, GroundedStack stack, RunningConfig running, MonitoringSeriesBuilder series, TimeProvider time, string? since, string? bucket)
    {
        if (MonitoringRange.TryParse(since, bucket, time.GetUtcNow(), out var problem) is not { } range)
        {
            return Results.Problem(detail: problem, statusCode: 400);
        }

        var caller = http.Caller();
        var tenant = caller.KeyId == KeyAuthenticator.Anonymous.KeyId ? null : caller.Tenant;
        var data = await series.BuildAsync(range, tenant, http.RequestAborted);
        var alerts = caller.IsOperator ? await stack.CreateAlerts(running.Current.Alerts).ReadAsync(http.RequestAborted) : [];
        return Results.Json(new
        {
            since = range.Since,
            until = range.Until,
            bucketSeconds = (long)range.Bucket.TotalSeconds,
            buckets = data.Buckets,
            totals = data.Totals,
            models = data.Models,
            alerts,
        }, Web);
    }
}
