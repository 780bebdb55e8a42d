using Microsoft.Extensions.AI;

namespace Grounded.Evaluation.Tests.Answers;

/// <summary>Replies with the next scripted text and counts the calls.</summary>
internal sealed class CountingChatClient(params string[] replies) : IChatClient
{
    private int _calls;

    public int Calls => _calls;

    public List<string?> Models { get; } = [];

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var n = Interlocked.Increment(ref _calls);
        lock (Models)
        {
            Models.Add(options?.ModelId);
        }

        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, replies[Math.Min(n - 1, replies.Length - 1)])));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
