using Grounded.Access;
using Grounded.Gateway.Context;
using Grounded.Hosting;
using Grounded.Server.Errors;

namespace Grounded.Server.Requests;

/// <summary>
/// Identity, the first stage of every <c>/v1</c> and <c>/mcp</c> request: the bearer key becomes the caller's identity (key, tenant, role,
/// groups), set on the request's <see cref="GatewayContext"/> for every later stage. A missing, wrong, revoked or expired
/// key gets a 401 that says nothing about valid keys; while the server has no keys at all, callers are admins of the
/// default tenant.
/// </summary>
internal sealed class IdentityMiddleware(RequestDelegate next, GroundedStack stack)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (!http.Request.Path.StartsWithSegments("/v1") && !http.Request.Path.StartsWithSegments("/mcp"))
        {
            await next(http);
            return;
        }

        var result = await stack.Keys.AuthenticateAsync(http.Request.Headers.Authorization.ToString(), http.RequestAborted);
        if (result.Identity is { } identity)
        {
            http.Features.Get<GatewayContext>()!.Identity = identity;
            http.Features.Set(identity);
            await next(http);
            return;
        }

        http.Response.Headers.WWWAuthenticate = "Bearer";
        await ErrorWriter.WriteAsync(http, new ErrorDescription(401, result.Problem!, "invalid_request_error") { Code = "invalid_api_key" });
    }
}
