using Grounded.Access;
using Grounded.Server.Errors;

namespace Grounded.Server.Requests;

/// <summary>Routes that need more than a reader: <c>.RequireRole(Role.Writer)</c> answers 403, naming the role needed, to a caller without it.</summary>
internal static class RoleRequirement
{
    public static TBuilder RequireRole<TBuilder>(this TBuilder builder, Role role) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var caller = context.HttpContext.Caller();
            if (caller.Can(role))
            {
                return await next(context);
            }

            await ErrorWriter.WriteAsync(context.HttpContext, new ErrorDescription(403,
                $"this API key's role ({Roles.Name(caller.Role)}) cannot do this: it needs {Roles.Name(role)}", "permission_error") { Code = "insufficient_role" });
            return Results.Empty;
        });

    /// <summary>Routes that change what every tenant gets (the active prompts): only an admin of the default tenant (<see cref="CallerIdentity.IsOperator"/>); 403 otherwise.</summary>
    public static TBuilder RequireOperator<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var caller = context.HttpContext.Caller();
            if (caller.IsOperator)
            {
                return await next(context);
            }

            await ErrorWriter.WriteAsync(context.HttpContext, new ErrorDescription(403,
                $"this changes every tenant's requests: it needs an admin key of the default tenant (this key is {Roles.Name(caller.Role)} of '{caller.Tenant}')", "permission_error") { Code = "insufficient_role" });
            return Results.Empty;
        });

    /// <summary>Returns the request's caller (set by <see cref="IdentityMiddleware"/>; the local identity off <c>/v1</c>).</summary>
    public static CallerIdentity Caller(this HttpContext http) => http.Features.Get<CallerIdentity>() ?? CallerIdentity.Local;
}
