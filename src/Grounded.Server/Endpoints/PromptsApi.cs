using System.Text.Json;
using Grounded.Access;
using Grounded.Hosting;
using Grounded.Hosting.Prompts;
using Grounded.Prompts;
using Grounded.Server.Errors;
using Grounded.Server.OpenAi;
using Grounded.Server.Requests;

namespace Grounded.Server.Endpoints;

/// <summary>
/// <c>/v1/prompts</c>: the prompt registry and its active versions, as <c>grounded prompts … --json</c> prints them (the same objects,
/// built by <see cref="PromptsJson"/>); promote (behind the evaluation gate) and roll back with the admin role. Prompts are
/// server-wide: every tenant's requests use the same active versions, and switches are audited under the default tenant.
/// </summary>
internal static class PromptsApi
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>The body of <c>POST /v1/prompts/{id}/promote</c>.</summary>
    internal sealed record PromoteRequest(string? Version, string? Env, bool? Force, double? Tolerance);

    /// <summary>The body of <c>POST /v1/prompts/{id}/rollback</c>.</summary>
    internal sealed record RollbackRequest(string? Env);

    public static IEndpointRouteBuilder MapPrompts(this IEndpointRouteBuilder app)
    {
        var prompts = app.MapGroup("/v1/prompts").WithTags("Prompts").WithMetadata(ProblemErrors.Instance);
        prompts.MapGet("/", ListAsync).WithSummary("List the prompts: versions, the version active in each environment, what the server's environment uses and why");
        prompts.MapGet("/{id}", ShowAsync).WithSummary("Show a version (id or id@version): without one, the version the environment (env=) uses").ProducesProblem(400).ProducesProblem(404);
        prompts.MapGet("/{id}/history", HistoryAsync).WithSummary("Every promotion and rollback of a prompt, newest first (env= for one environment)").ProducesProblem(404);
        prompts.MapGet("/{id}/diff", DiffAsync).WithSummary("What changed between two versions (from=, to=), field by field").ProducesProblem(400).ProducesProblem(404);
        prompts.MapPost("/{id}/promote", PromoteAsync).WithSummary("Make a version active if its evaluation score holds up against the active one's (force: true overrides; recorded)")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).RequireOperator();
        prompts.MapPost("/{id}/rollback", RollbackAsync).WithSummary("Make the version active before the current one's promotion active again")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).RequireOperator();
        return app;
    }

    private static async Task<IResult> ListAsync(GroundedStack stack, CancellationToken ct) =>
        Results.Json(await PromptsJson.ListAsync(stack, stack.Options.Prompts.Environment, ct), Web);

    private static async Task<IResult> ShowAsync(string id, string? env, GroundedStack stack, CancellationToken ct)
    {
        if (Parse(id) is not { } reference)
        {
            return Problem(400, $"'{id}' is not a prompt reference: write ID or ID@VERSION, e.g. grounded-answer@2.0.0");
        }

        if (Environment(env) is { } bad)
        {
            return bad;
        }

        return Results.Json((await PromptsJson.ShowAsync(stack, reference, env ?? stack.Options.Prompts.Environment, ct)).Json, Web);
    }

    private static async Task<IResult> HistoryAsync(string id, string? env, GroundedStack stack, CancellationToken ct)
    {
        if (Environment(env) is { } bad)
        {
            return bad;
        }

        var history = await (await stack.GetAccessAsync(ct)).HistoryAsync(id, env, ct);
        if (history.Count == 0 && stack.Prompts.Versions(id).Count == 0)
        {
            stack.Prompts.Get(new PromptReference(id, null)); // a 404 naming the known ids
        }

        return Results.Json(PromptsJson.History(id, history), Web);
    }

    private static IResult DiffAsync(string id, string? from, string? to, GroundedStack stack)
    {
        if (string.IsNullOrWhiteSpace(from) || string.IsNullOrWhiteSpace(to))
        {
            return Problem(400, "from and to: name both versions, e.g. ?from=1.0.0&to=2.0.0");
        }

        if (Parse($"{id}@{from}") is not { } a || Parse($"{id}@{to}") is not { } b)
        {
            return Problem(400, $"from and to must be versions such as 1.0.0 (got from={from}, to={to})");
        }

        return Results.Json(PromptsJson.Diff(stack.Prompts.Get(a), stack.Prompts.Get(b)), Web);
    }

    private static async Task<IResult> PromoteAsync(string id, HttpContext http, GroundedStack stack)
    {
        var body = await RequestBody.ReadAsync<PromoteRequest>(http.Request, stack.Options.Gateway.MaxRequestBodyBytes, http.RequestAborted, Web, rejectUnknown: true);
        if (string.IsNullOrWhiteSpace(body.Version) || Parse($"{id}@{body.Version}") is not { } reference)
        {
            return Problem(400, $"version: name the version to promote, e.g. {{\"version\": \"2.0.0\"}} (versions: {string.Join(", ", stack.Prompts.Versions(id).Select(v => v.Version))})");
        }

        if (body.Tolerance is < 0 or > 1 || (body.Tolerance is { } t && double.IsNaN(t)))
        {
            return Problem(400, $"tolerance: must be between 0 and 1 (got {body.Tolerance})");
        }

        if (Environment(body.Env) is { } bad)
        {
            return bad;
        }

        _ = stack.Prompts.Get(reference); // an unknown prompt or version is a 404 before anything is scored
        var access = await stack.GetAccessAsync(http.RequestAborted);
        var promotion = new PromptPromotion(stack.Prompts, access, stack.CreatePromptEvaluator());
        var outcome = await promotion.PromoteAsync(reference, body.Env ?? stack.Options.Prompts.Environment, body.Force ?? false, body.Tolerance ?? PromptPromotion.DefaultTolerance,
            http.Caller().KeyId, Origin(http), http.RequestAborted);
        if (outcome.Succeeded)
        {
            return Results.Json(PromptsJson.Outcome(outcome), Web);
        }

        // Refused by the gate: 422, with the promotion's fields (both scores among them) as the problem's extensions; the
        // problem's own status is the number.
        var fields = JsonSerializer.SerializeToElement(PromptsJson.Outcome(outcome), Web).EnumerateObject()
            .Where(p => p.Name != "status").ToDictionary(p => p.Name, p => (object?)p.Value.Clone());
        return Results.Problem(detail: outcome.Reason, statusCode: 422, title: "promotion refused", extensions: fields);
    }

    private static async Task<IResult> RollbackAsync(string id, HttpContext http, GroundedStack stack)
    {
        var body = await RequestBody.ReadAsync<RollbackRequest>(http.Request, stack.Options.Gateway.MaxRequestBodyBytes, http.RequestAborted, Web, rejectUnknown: true);
        if (Parse(id) is not { Version: null })
        {
            return Problem(400, $"'{id}' is not a prompt id (roll back a prompt, not a version)");
        }

        if (Environment(body.Env) is { } bad)
        {
            return bad;
        }

        if (stack.Prompts.Versions(id).Count == 0)
        {
            stack.Prompts.Get(new PromptReference(id, null)); // a 404 naming the known ids
        }

        var promotion = new PromptPromotion(stack.Prompts, await stack.GetAccessAsync(http.RequestAborted), stack.CreatePromptEvaluator());
        var rollback = await promotion.RollbackAsync(id, body.Env ?? stack.Options.Prompts.Environment, http.Caller().KeyId, Origin(http), http.RequestAborted);
        return Results.Json(PromptsJson.Activation(rollback), Web);
    }

    private static PromptReference? Parse(string text)
    {
        try
        {
            return PromptReference.Parse(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static IResult? Environment(string? env) => env is null || PromptIds.IsValid(env) ? null
        : Problem(400, $"env: '{env}' is not an environment name: use lower-case letters, digits, '-', '_' or '.' (e.g. production, staging)");

    private static string Origin(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static IResult Problem(int status, string detail) => Results.Problem(detail: detail, statusCode: status);
}
