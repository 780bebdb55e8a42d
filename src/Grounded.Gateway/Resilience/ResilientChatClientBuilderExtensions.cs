using Grounded.Gateway.Config;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Resilience;

/// <summary>Adds <see cref="ResilientChatClient"/> to a model's chat client pipeline.</summary>
internal static class ResilientChatClientBuilderExtensions
{
    /// <summary>Retries, breaks and times out calls to the inner (provider) client.</summary>
    public static ChatClientBuilder UseResilience(
        this ChatClientBuilder builder, ModelOptions model, ResilienceOptions options, TimeProvider time, Func<double>? random = null) =>
        builder.Use(inner => new ResilientChatClient(inner, model, options, time, random));
}
