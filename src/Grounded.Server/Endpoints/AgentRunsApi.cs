using System.Text.Json;
using Grounded.Access;
using Grounded.Agents;
using Grounded.Agents.Definitions;
using Grounded.Agents.Loop;
using Grounded.Hosting;
using Grounded.Hosting.Agents;
using Grounded.Server.Errors;
using Grounded.Server.OpenAi;
using Grounded.Server.Requests;

namespace Grounded.Server.Endpoints;

/// <summary>
/// <c>/v1/agent-runs</c>: start a run of an agent from the server's agents folder, read a run (the same object as
/// <c>grounded agent run --json</c>), list the tenant's runs, and approve or reject a paused one (writer role; audited).
/// </summary>
internal static class AgentRunsApi
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>The body of <c>POST /v1/agent-runs</c>: the agent's name (its file in the agents folder) and the task.</summary>
    internal sealed record StartRunRequest(string? Agent, string? Task);

    public static IEndpointRouteBuilder MapAgentRuns(this IEndpointRouteBuilder app)
    {
        var runs = app.MapGroup("/v1/agent-runs").WithTags("Agents").WithMetadata(ProblemErrors.Instance);
        runs.MapPost("/", StartAsync).WithSummary("Run an agent of the server's agents folder on a task, until it answers, a cap stops it, or it waits for approval")
            .Produces<AgentRun>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(422);
        runs.MapGet("/", ListAsync).WithSummary("List the tenant's runs, newest first (status=waiting_approval for the ones to decide)").ProducesProblem(400);
        runs.MapGet("/{id}", GetAsync).WithSummary("Show a run: status, exit reason, answer, every step with its time and cost").Produces<AgentRun>().ProducesProblem(404);
        runs.MapPost("/{id}/approve", (string id, HttpContext http, GroundedStack stack) => DecideAsync(id, true, http, stack))
            .WithSummary("Approve the call or answer a run waits on; the run goes on").Produces<AgentRun>().ProducesProblem(404).ProducesProblem(409).RequireRole(Role.Writer);
        runs.MapPost("/{id}/reject", (string id, HttpContext http, GroundedStack stack) => DecideAsync(id, false, http, stack))
            .WithSummary("Reject the call or answer a run waits on; the run ends (rejected)").Produces<AgentRun>().ProducesProblem(404).ProducesProblem(409).RequireRole(Role.Writer);
        return app;
    }

    private static async Task<IResult> StartAsync(HttpContext http, GroundedStack stack)
    {
        var ct = http.RequestAborted;
        var body = await RequestBody.ReadAsync<StartRunRequest>(http.Request, stack.Options.Gateway.MaxRequestBodyBytes, ct, Web, rejectUnknown: true);
        if (string.IsNullOrWhiteSpace(body.Agent) || !AgentNames.IsValid(body.Agent))
        {
            return Problem(400, "agent: name an agent of the server's agents folder (lower-case letters, digits, '-' or '_')");
        }

        if (string.IsNullOrWhiteSpace(body.Task))
        {
            return Problem(400, "task: say what the agent should do");
        }

        if (AgentsFolder.Find(stack.Options.AgentsDirectory, body.Agent) is not { } file)
        {
            return Problem(404, stack.Options.AgentsDirectory is null
                ? $"no agent '{body.Agent}': this server has no agents folder (agents.dir in the config, or ./agents)"
                : $"no agent '{body.Agent}' in {stack.Options.AgentsDirectory} (agents: {string.Join(", ", AgentsFolder.Names(stack.Options.AgentsDirectory))})");
        }

        // The run is not the request's: a client that goes away does not stop it half-way (the run's own caps bound it).
        var run = await stack.Agents.StartAsync(file, body.Task, http.Caller(), CancellationToken.None);
        await SettleAsync(http, stack, run.Usage.TotalTokens);
        return Results.Json(run, Web);
    }

    private static async Task<IResult> GetAsync(string id, HttpContext http, GroundedStack stack) =>
        await stack.Agents.GetAsync(id, http.Caller(), http.RequestAborted) is { } run ? Results.Json(run, Web) : NotFound(id);

    private static async Task<IResult> ListAsync(HttpContext http, GroundedStack stack, string? status, int? limit)
    {
        if (status is not null && !AgentRunStatus.IsKnown(status))
        {
            return Problem(400, $"status: '{status}' is not running, completed, waiting_approval or failed");
        }

        if (limit is < 1 or > AgentRunStatus.MaxListed)
        {
            return Problem(400, $"limit: must be between 1 and 1000 (got {limit})");
        }

        var runs = await stack.Agents.ListAsync(http.Caller(), status, limit ?? 50, http.RequestAborted);
        return Results.Json(new { data = runs }, Web);
    }

    private static async Task<IResult> DecideAsync(string id, bool approve, HttpContext http, GroundedStack stack)
    {
        var origin = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var before = (await stack.Agents.GetAsync(id, http.Caller(), http.RequestAborted))?.Usage.TotalTokens ?? 0;
        if (await stack.Agents.DecideAsync(id, approve, http.Caller(), origin, CancellationToken.None) is not { } run)
        {
            return NotFound(id);
        }

        await SettleAsync(http, stack, run.Usage.TotalTokens - before);
        return Results.Json(run, Web);
    }

    // The tokens the run's model calls used in this request count against the key's tokens per minute, as a chat request's do
    // (each step has its own gateway context, so the rate-limit stage does not see them).
    private static ValueTask SettleAsync(HttpContext http, GroundedStack stack, long tokens) =>
        stack.RateLimits.SettleAsync(http.Caller(), tokens, CancellationToken.None);

    private static IResult NotFound(string id) => Problem(404, $"no agent run '{id}' in this tenant (GET /v1/agent-runs lists them)");

    private static IResult Problem(int status, string detail) => Results.Problem(detail: detail, statusCode: status);
}
