using System.Text.Json;
using System.Text.Json.Nodes;
using Grounded.Evaluation;
using Grounded.Hosting;
using Grounded.Hosting.Evaluation;
using Grounded.Server.Errors;
using Grounded.Server.Requests;

namespace Grounded.Server.Endpoints;

/// <summary><c>/v1/evaluations</c>: the tenant's saved <c>grounded eval run</c> runs, newest first, and one run with its whole report (the object <c>--json</c> printed).</summary>
internal static class EvaluationsApi
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapEvaluations(this IEndpointRouteBuilder app)
    {
        var runs = app.MapGroup("/v1/evaluations").WithTags("Evaluations").WithMetadata(ProblemErrors.Instance);
        runs.MapGet("/", ListAsync).WithSummary("List the tenant's saved evaluation runs, newest first (limit=, at most 100): metric means and gate").ProducesProblem(400);
        runs.MapGet("/{id}", GetAsync).WithSummary("Show a saved run with its report: per-item results and the baseline comparison").ProducesProblem(404);
        return app;
    }

    private static async Task<IResult> ListAsync(HttpContext http, GroundedStack stack, int? limit)
    {
        if (limit is < 1 or > EvaluationRuns.MaxListed)
        {
            return Results.Problem(detail: $"limit: must be between 1 and {EvaluationRuns.MaxListed} (got {limit})", statusCode: 400);
        }

        var runs = await (await stack.GetAccessAsync(http.RequestAborted)).ListEvaluationRunsAsync(http.Caller().Tenant, limit ?? 20, http.RequestAborted);
        return Results.Json(new
        {
            data = runs.Select(r => new { id = r.Id, at = r.At, dataset = r.Dataset, prompt = r.Prompt, model = r.Model, metrics = r.Metrics, gate = r.Gate }),
        }, Web);
    }

    private static async Task<IResult> GetAsync(string id, HttpContext http, GroundedStack stack)
    {
        if (await (await stack.GetAccessAsync(http.RequestAborted)).GetEvaluationRunAsync(id, http.RequestAborted) is not { } run || run.Tenant != http.Caller().Tenant)
        {
            return Results.Problem(detail: $"no evaluation run '{id}' in this tenant (GET /v1/evaluations lists them)", statusCode: 404);
        }

        return Results.Json(new
        {
            id = run.Id, at = run.At, dataset = run.Dataset, prompt = run.Prompt, model = run.Model, gate = run.Gate,
            report = JsonNode.Parse(run.Report ?? "{}"),
        }, Web);
    }
}
