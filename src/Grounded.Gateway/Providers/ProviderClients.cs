using System.ClientModel;
using System.ClientModel.Primitives;
using Anthropic;
using Grounded.Gateway.Config;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Grounded.Gateway.Providers;

/// <summary>Creates the raw provider client of a model through the provider's official SDK, with the SDK's own retries off (the gateway retries).</summary>
public static class ProviderClients
{
    /// <summary>Returns an <see cref="IChatClient"/> talking to the model's provider.</summary>
    public static IChatClient Create(ModelOptions model, TimeSpan networkTimeout, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        environment ??= Environment.GetEnvironmentVariable;
        var key = model.ApiKeyEnv is { Length: > 0 } name ? environment(name) : null;
        return model.Provider switch
        {
            "openai" => new OpenAIClient(
                    new ApiKeyCredential(string.IsNullOrEmpty(key) ? "none" : key),
                    new OpenAIClientOptions
                    {
                        Endpoint = model.Endpoint,
                        RetryPolicy = new ClientRetryPolicy(0),
                        NetworkTimeout = networkTimeout,
                    })
                .GetChatClient(model.ProviderModel)
                .AsIChatClient(),
            "anthropic" => new AnthropicClient
            {
                ApiKey = string.IsNullOrEmpty(key) ? "none" : key,
                BaseUrl = model.Endpoint?.ToString().TrimEnd('/') ?? "https://api.anthropic.com",
                MaxRetries = 0,
                Timeout = networkTimeout,
                // Its exceptions carry no headers: the handler keeps Retry-After for the gateway's retry (the SDK times out).
                HttpClient = new HttpClient(new Resilience.RetryAfterCapture(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })) { Timeout = System.Threading.Timeout.InfiniteTimeSpan },
            }.AsIChatClient(model.ProviderModel, model.MaxOutputTokens),
            _ => throw new ArgumentException($"unknown provider '{model.Provider}'", nameof(model)),
        };
    }
}
