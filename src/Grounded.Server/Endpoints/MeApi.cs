using Grounded.Access;
using Grounded.Hosting;

namespace Grounded.Server.Endpoints;

/// <summary><c>GET /v1/me</c>: who the key is (tenant, role, groups, and whether it operates the server: switches prompts, sees alerts), for the web app to show what the caller may do.</summary>
internal static class MeApi
{
    public static IEndpointRouteBuilder MapMe(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/me", async (HttpContext http, GroundedStack stack) =>
        {
            var caller = http.Features.Get<CallerIdentity>() ?? CallerIdentity.Local;
            var keysRequired = await stack.Keys.KeysRequiredAsync(http.RequestAborted);
            return Results.Json(new { keyId = keysRequired ? caller.KeyId : null, tenant = caller.Tenant, role = Roles.Name(caller.Role), groups = caller.Groups, @operator = caller.IsOperator, keysRequired });
        }).WithTags("Keys").WithSummary("The caller's identity: tenant, role and groups of the key sent");
        return app;
    }
}
