using Grounded.Gateway.Failures;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Route;

/// <summary>
/// The end of the request pipeline: sends each request to the failover chain of the model its
/// <see cref="ChatOptions.ModelId"/> names (a configured name, set by the caller or by a routing stage before this one).
/// </summary>
internal sealed class ModelRouter(IReadOnlyDictionary<string, IChatClient> chains, IReadOnlyList<string> names) : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Chain(options).GetResponseAsync(messages, options, cancellationToken);

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Chain(options).GetStreamingResponseAsync(messages, options, cancellationToken);

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
        // The chains belong to the gateway.
    }

    private IChatClient Chain(ChatOptions? options)
    {
        if (options?.ModelId is not { } name)
        {
            throw new InvalidRequestException("model is required", "model");
        }

        return chains.TryGetValue(name, out var chain) ? chain : throw InvalidRequestException.UnknownModel(name, names);
    }
}
