using Grounded.Gateway.Context;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Route;

/// <summary>
/// The route stage: when a request's <see cref="ChatOptions.ModelId"/> names a route, replaces it with the model the
/// route chooses for this request (no model call: <see cref="RequestClassifier"/>), and records the decision in the
/// request's <see cref="GatewayContext"/>. A request naming a model passes through untouched.
/// </summary>
internal sealed class RouteChatClient(IChatClient inner, ModelRoutes routes) : DelegatingChatClient(inner)
{
    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        return base.GetResponseAsync(list, Routed(list, options), cancellationToken);
    }

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        return base.GetStreamingResponseAsync(list, Routed(list, options), cancellationToken);
    }

    private ChatOptions? Routed(IList<ChatMessage> messages, ChatOptions? options)
    {
        if (routes.Decide(options?.ModelId, messages, options?.MaxOutputTokens) is not { } decision)
        {
            return options;
        }

        if (GatewayContext.Of(options) is { } context)
        {
            context.RouteName = decision.Route;
            context.RouteClass = RequestClasses.Name(decision.Class);
            context.RouteModel = decision.Model;
            context.RouteReason = decision.Reason;
        }

        var routed = options!.Clone();
        routed.ModelId = decision.Model;
        return routed;
    }
}
