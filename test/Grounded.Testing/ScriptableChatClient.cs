using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Grounded.Testing;

/// <summary>
/// An <see cref="IChatClient"/> whose answers a test writes: each call runs the next scripted step, then
/// <see cref="Default"/> (an echo of the last user message). Every call's messages and options are kept. Streams send
/// the answer's text word by word, then its finish reason and usage.
/// </summary>
public sealed class ScriptableChatClient : IChatClient
{
    private readonly ConcurrentQueue<Func<IReadOnlyList<ChatMessage>, ChatOptions?, ChatResponse>> _script = new();
    private readonly ConcurrentQueue<(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)> _calls = new();

    /// <summary>Gets or sets the answer once the script is used up; the default echoes the last user message.</summary>
    public Func<IReadOnlyList<ChatMessage>, ChatOptions?, ChatResponse> Default { get; set; } =
        (messages, _) => Reply($"echo: {messages.LastOrDefault(m => m.Role == ChatRole.User)?.Text}");

    /// <summary>Gets every call received, oldest first.</summary>
    public IReadOnlyList<(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)> Calls => [.. _calls];

    /// <summary>Returns a response with <paramref name="text"/>, finished, with the given usage (none by default).</summary>
    public static ChatResponse Reply(string text, UsageDetails? usage = null) =>
        new(new ChatMessage(ChatRole.Assistant, text)) { FinishReason = ChatFinishReason.Stop, Usage = usage };

    /// <summary>Queues answers for the next calls, in order.</summary>
    public ScriptableChatClient Then(params string[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue((_, _) => Reply(reply));
        }

        return this;
    }

    /// <summary>Queues a step for the next call: it may answer, or throw to fail the call.</summary>
    public ScriptableChatClient Then(Func<IReadOnlyList<ChatMessage>, ChatOptions?, ChatResponse> step)
    {
        _script.Enqueue(step);
        return this;
    }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Next(messages, options));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = Next(messages, options);
        var words = response.Text.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return new ChatResponseUpdate(ChatRole.Assistant, i == 0 ? words[i] : " " + words[i]);
        }

        foreach (var call in response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>())
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, [call]);
        }

        var last = new ChatResponseUpdate { Role = ChatRole.Assistant, FinishReason = response.FinishReason ?? ChatFinishReason.Stop };
        if (response.Usage is { } usage)
        {
            last.Contents.Add(new UsageContent(usage));
        }

        yield return last;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    private ChatResponse Next(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var list = messages.ToList();
        _calls.Enqueue((list, options));
        return (_script.TryDequeue(out var step) ? step : Default)(list, options);
    }
}
