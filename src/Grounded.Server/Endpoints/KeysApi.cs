using Grounded.Access;
using Grounded.Hosting;
using Grounded.Hosting.Access;
using Grounded.Hosting.Config;
using Grounded.Server.Errors;
using Grounded.Server.Requests;

namespace Grounded.Server.Endpoints;

/// <summary><c>/v1/keys</c> and <c>/v1/audit</c>: an admin manages its own tenant's keys and reads its tenant's audit log.</summary>
internal static class KeysApi
{
    public static IEndpointRouteBuilder MapKeys(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/v1/keys").WithTags("Keys").WithMetadata(ProblemErrors.Instance);
        keys.MapPost("/", CreateAsync).WithSummary("Create a key of the caller's tenant; its secret is in this response only").ProducesProblem(400).ProducesProblem(403).RequireRole(Role.Admin);
        keys.MapGet("/", ListAsync).WithSummary("List the tenant's keys (never their secrets)").RequireRole(Role.Admin);
        keys.MapGet("/{id}", GetAsync).WithSummary("Show one key").ProducesProblem(404).RequireRole(Role.Admin);
        keys.MapPost("/{id}/rotate", RotateAsync).WithSummary("Replace a key's secret; the old one stops working").ProducesProblem(404).RequireRole(Role.Admin);
        keys.MapDelete("/{id}", RevokeAsync).WithSummary("Revoke a key").ProducesProblem(404).RequireRole(Role.Admin);
        app.MapGet("/v1/audit", AuditAsync).WithTags("Keys").WithMetadata(ProblemErrors.Instance)
            .WithSummary("The tenant's audit log since a time (since=7d), oldest first").ProducesProblem(400).RequireRole(Role.Admin);
        return app;
    }

    /// <summary>The body of <c>POST /v1/keys</c>.</summary>
    internal sealed record CreateKeyRequest(string? Role, string? Tenant, string? Name, IReadOnlyList<string>? Groups, string? Expires, long? Rpm, long? Tpm);

    private static async Task<IResult> CreateAsync(CreateKeyRequest body, HttpContext http, GroundedStack stack, AuditTrail audit, CancellationToken ct)
    {
        var caller = http.Caller();
        if (body.Tenant is { } tenant && tenant != caller.Tenant)
        {
            return Problem(403, $"an admin of '{caller.Tenant}' cannot create keys for '{tenant}' (use grounded keys create on the server)");
        }

        var role = Roles.Parse(body.Role ?? "reader");
        TimeSpan? expires = null;
        if (body.Expires is { } text)
        {
            if (!Durations.TryParse(text, out var life))
            {
                return Problem(400, $"expires: '{text}' is not a duration (e.g. 90d, 12h)");
            }

            expires = life;
        }

        if (role is null)
        {
            return Problem(400, $"role: '{body.Role}' is not reader, writer or admin");
        }

        var request = new NewApiKey(caller.Tenant, role.Value)
        {
            Name = body.Name ?? string.Empty, Groups = body.Groups ?? [], ExpiresIn = expires, RequestsPerMinute = body.Rpm, TokensPerMinute = body.Tpm,
        };
        if (request.Validate().FirstOrDefault() is { } problem)
        {
            return Problem(400, problem);
        }

        var issued = await (await stack.GetAccessAsync(ct)).CreateAsync(request, ct);
        await audit.RecordAsync(http, "key.created", issued.Key.Id, Roles.Name(issued.Key.Role));
        return Results.Ok(KeyView.Of(issued.Key, issued.Secret));
    }

    private static async Task<IResult> ListAsync(HttpContext http, GroundedStack stack, CancellationToken ct) =>
        Results.Ok(new { data = (await (await stack.GetAccessAsync(ct)).ListAsync(http.Caller().Tenant, ct)).Select(k => KeyView.Of(k)) });

    private static async Task<IResult> GetAsync(string id, HttpContext http, GroundedStack stack, CancellationToken ct) =>
        await (await stack.GetAccessAsync(ct)).GetAsync(id, ct) is { } key && key.Tenant == http.Caller().Tenant
            ? Results.Ok(KeyView.Of(key)) : NotFound(id);

    private static async Task<IResult> RotateAsync(string id, HttpContext http, GroundedStack stack, AuditTrail audit, CancellationToken ct)
    {
        var access = await stack.GetAccessAsync(ct);
        if (await access.GetAsync(id, ct) is not { } key || key.Tenant != http.Caller().Tenant || await access.RotateAsync(id, ct) is not { } issued)
        {
            return NotFound(id);
        }

        stack.Keys.Forget(id);
        await audit.RecordAsync(http, "key.rotated", id);
        return Results.Ok(KeyView.Of(issued.Key, issued.Secret));
    }

    private static async Task<IResult> RevokeAsync(string id, HttpContext http, GroundedStack stack, AuditTrail audit, CancellationToken ct)
    {
        var access = await stack.GetAccessAsync(ct);
        if (await access.GetAsync(id, ct) is not { } key || key.Tenant != http.Caller().Tenant || await access.RevokeAsync(id, ct) is not { } revoked)
        {
            return NotFound(id);
        }

        stack.Keys.Forget(id);
        await audit.RecordAsync(http, "key.revoked", id);
        return Results.Ok(KeyView.Of(revoked));
    }

    private static async Task<IResult> AuditAsync(HttpContext http, GroundedStack stack, TimeProvider time, string? since, int? limit, CancellationToken ct)
    {
        if (!Durations.TryParse(since ?? "7d", out var window))
        {
            return Problem(400, $"since: '{since}' is not a duration (e.g. 7d, 24h)");
        }

        var entries = await (await stack.GetAccessAsync(ct)).ReadAsync(time.GetUtcNow() - window, http.Caller().Tenant, Math.Clamp(limit ?? 1000, 1, 10_000), ct);
        return Results.Ok(new { data = entries });
    }

    private static IResult NotFound(string id) => Problem(404, $"no key with id '{id}' in this tenant (GET /v1/keys lists them)");

    private static IResult Problem(int status, string detail) => Results.Problem(detail: detail, statusCode: status);
}
