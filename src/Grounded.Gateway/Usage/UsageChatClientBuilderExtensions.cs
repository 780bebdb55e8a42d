using Grounded.Gateway.Config;
using Grounded.Gateway.Tokens;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Usage;

/// <summary>Adds <see cref="UsageChatClient"/> to a model's chat client pipeline.</summary>
internal static class UsageChatClientBuilderExtensions
{
    /// <summary>Fills in usage the provider did not report, and records usage and cost in the request's context.</summary>
    public static ChatClientBuilder UseUsage(this ChatClientBuilder builder, ModelOptions model, PromptTokenCounter tokens) =>
        builder.Use(inner => new UsageChatClient(inner, model, tokens));
}
