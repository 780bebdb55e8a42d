using Grounded.Gateway.Config;
using Grounded.Gateway.Context;
using Microsoft.Extensions.AI;

namespace Grounded.Server.Requests;

/// <summary>How an endpoint reaches its request's context.</summary>
internal static class HttpContextExtensions
{
    /// <summary>Returns the request's <see cref="GatewayContext"/> (made by <see cref="RequestContextMiddleware"/>), marked as a request of <paramref name="route"/>.</summary>
    public static GatewayContext Context(this HttpContext http, string route)
    {
        var context = http.Features.Get<GatewayContext>() ?? throw new InvalidOperationException("the request context middleware did not run");
        context.Route = route;
        return context;
    }

    /// <summary>Keeps a conversation for the request's log line (<c>role: text | ...</c>), only when <c>server.logPrompts</c> allows prompts in logs.</summary>
    public static void KeepPrompt(this HttpContext http, GatewayOptions options, IEnumerable<ChatMessage> messages) =>
        http.KeepPrompt(options, () => string.Join(" | ", messages.Select(m => $"{m.Role}: {m.Text}")));

    /// <summary>Keeps the request's prompt for its log line, only when <c>server.logPrompts</c> allows prompts in logs.</summary>
    public static void KeepPrompt(this HttpContext http, GatewayOptions options, Func<string> prompt)
    {
        if (options.LogPrompts)
        {
            http.Features.Set(new LoggedPrompt(prompt()));
        }
    }
}
