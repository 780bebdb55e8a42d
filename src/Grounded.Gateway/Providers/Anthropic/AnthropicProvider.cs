using Grounded.Gateway.Config;
using Grounded.Gateway.Resilience;
using Microsoft.Extensions.AI;
using AnthropicSdk = Anthropic;

namespace Grounded.Gateway.Providers.Anthropic;

/// <summary><c>provider: anthropic</c>: Anthropic's Messages API through the official Anthropic SDK.</summary>
internal sealed class AnthropicProvider : IChatProvider
{
    public string Name => "anthropic";

    public bool RequiresEndpoint => false;

    public IChatClient Create(ModelOptions model, ProviderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(settings);
        var client = new AnthropicSdk.AnthropicClient
        {
            ApiKey = settings.ApiKey(model.ApiKeyEnv) ?? "none",
            BaseUrl = model.Endpoint?.ToString().TrimEnd('/') ?? "https://api.anthropic.com",
            MaxRetries = 0,
            Timeout = settings.NetworkTimeout,
            // Its exceptions carry no headers: the handler keeps Retry-After for the gateway's retry (the SDK times out).
            // Connections are recycled every 5 minutes, so a long-running server follows DNS changes.
            HttpClient = new HttpClient(new RetryAfterCapture(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }))
            {
                Timeout = Timeout.InfiniteTimeSpan,
            },
        };
        return new AnthropicChatClient(client.AsIChatClient(model.ProviderModel, model.MaxOutputTokens), model);
    }
}
