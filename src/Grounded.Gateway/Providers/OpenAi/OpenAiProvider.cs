using System.ClientModel;
using System.ClientModel.Primitives;
using Grounded.Gateway.Config;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Grounded.Gateway.Providers.OpenAi;

/// <summary><c>provider: openai</c>: OpenAI and every OpenAI-compatible server (Ollama, vLLM, llama.cpp, LM Studio), through the official OpenAI SDK.</summary>
internal sealed class OpenAiProvider : IChatProvider
{
    public string Name => "openai";

    public bool RequiresEndpoint => true;

    public IChatClient Create(ModelOptions model, ProviderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(settings);
        var client = new OpenAIClient(
                new ApiKeyCredential(settings.ApiKey(model.ApiKeyEnv) ?? "none"),
                new OpenAIClientOptions { Endpoint = model.Endpoint, RetryPolicy = new ClientRetryPolicy(0), NetworkTimeout = settings.NetworkTimeout })
            .GetChatClient(model.ProviderModel);
        return new OpenAiChatClient(client.AsIChatClient());
    }
}
