using Grounded.Hosting;
using Grounded.Hosting.Mcp;
using Grounded.Server.Requests;

namespace Grounded.Server.Endpoints;

/// <summary>
/// <c>/mcp</c>: Grounded's <c>search</c> and <c>ask</c> tools over MCP's Streamable HTTP, behind the same API keys as the
/// <c>/v1</c> routes (a reader suffices). Stateless: each POST is served on its own, as the caller its key names, so no
/// session outlives the check of the key that made it.
/// </summary>
internal static class McpApi
{
    public static IServiceCollection AddGroundedMcp(this IServiceCollection services)
    {
        services.AddMcpServer().WithHttpTransport(http =>
        {
            http.Stateless = true;
            http.ConfigureSessionOptions = (context, options, _) =>
            {
                GroundedMcpTools.Configure(options, context.RequestServices.GetRequiredService<GroundedStack>(), context.Caller());
                return Task.CompletedTask;
            };
        });
        return services;
    }

    public static IEndpointRouteBuilder MapGroundedMcp(this IEndpointRouteBuilder app)
    {
        app.MapMcp("/mcp").WithTags("MCP").ExcludeFromDescription();
        return app;
    }
}
