using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Grounded.Testing;

/// <summary>
/// A chat client that waits before each call reaches <c>inner</c> (a provider's latency, or a gate a test opens), so that
/// calls overlap as they do in service.
/// </summary>
public sealed class SlowChatClient(IChatClient inner, Func<CancellationToken, Task> wait) : DelegatingChatClient(inner)
{
    /// <summary>Returns a client whose calls each take a random time between <paramref name="min"/> and <paramref name="max"/>.</summary>
    public static SlowChatClient Latency(IChatClient inner, TimeSpan min, TimeSpan max) =>
        new(inner, ct => Task.Delay(min + ((max - min) * Random.Shared.NextDouble()), ct));

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        await wait(cancellationToken).ConfigureAwait(false);
        return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await wait(cancellationToken).ConfigureAwait(false);
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            yield return update;
        }
    }
}
