using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Tests.Support;

/// <summary>A provider that streams the pieces a test gives, as they are, and records how many it has produced so far.</summary>
internal sealed class StreamingChatClient(params string[] pieces) : IChatClient
{
    public int Produced { get; private set; }

    public List<IReadOnlyList<ChatMessage>> Calls { get; } = [];

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Calls.Add([.. messages]);
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, string.Concat(pieces))) { FinishReason = ChatFinishReason.Stop });
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Calls.Add([.. messages]);
        foreach (var piece in pieces)
        {
            await Task.Yield();
            Produced++;
            yield return new ChatResponseUpdate(ChatRole.Assistant, piece);
        }

        yield return new ChatResponseUpdate { Role = ChatRole.Assistant, FinishReason = ChatFinishReason.Stop };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
