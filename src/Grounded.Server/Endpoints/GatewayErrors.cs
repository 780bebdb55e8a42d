using Grounded.Gateway.Route;
using Grounded.Server.OpenAi;

namespace Grounded.Server.Endpoints;

/// <summary>Maps provider failures to OpenAI errors: every circuit open → 503, otherwise 502, with the attempts made.</summary>
internal static class GatewayErrors
{
    public static OpenAiError From(Exception error) => error switch
    {
        GatewayUnavailableException { AllCircuitsOpen: true } e => new OpenAiError(503, e.Message, "api_error", "upstream_unavailable"),
        GatewayUnavailableException e => new OpenAiError(502, e.Message, "api_error", "upstream_error"),
        _ => new OpenAiError(502, $"the provider's stream failed: {error.Message.Split('\n')[0]}", "api_error", "upstream_error"),
    };
}
