using Grounded.Gateway.Pipeline;

namespace Grounded.Gateway.Route;

/// <summary>Adds the route stage to a gateway.</summary>
public static class RouteGatewayBuilderExtensions
{
    /// <summary>
    /// Lets requests name a route of the gateway's options instead of a model (<c>auto</c>): at <see cref="GatewayStage.Route"/>,
    /// the route's choice replaces the name, and the decision is recorded in the request's context. Nothing is added when no route is configured.
    /// </summary>
    public static GatewayBuilder UseRoutes(this GatewayBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Routes.IsEmpty ? builder : builder.Use(GatewayStage.Route, inner => new RouteChatClient(inner, builder.Routes));
    }
}
