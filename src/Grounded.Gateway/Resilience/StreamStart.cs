using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Resilience;

/// <summary>
/// An opened stream and its first update. The attempt's token (which carries the attempt timeout) bounds only the wait
/// for the first update; the rest of the stream is bound to the caller's token alone.
/// </summary>
internal sealed class StreamStart : IAsyncDisposable
{
    private readonly CancellationTokenSource _stream;

    private StreamStart(IAsyncEnumerator<ChatResponseUpdate> rest, ChatResponseUpdate? first, CancellationTokenSource stream)
    {
        Rest = rest;
        First = first;
        _stream = stream;
    }

    public IAsyncEnumerator<ChatResponseUpdate> Rest { get; }

    public ChatResponseUpdate? First { get; }

    public static async Task<StreamStart> OpenAsync(
        IChatClient client, IList<ChatMessage> messages, ChatOptions? options, CancellationToken attempt, CancellationToken caller)
    {
        var stream = CancellationTokenSource.CreateLinkedTokenSource(caller);
        var enumerator = client.GetStreamingResponseAsync(messages, options, stream.Token).GetAsyncEnumerator(stream.Token);
        try
        {
            bool any;
            using (attempt.Register(static s => ((CancellationTokenSource)s!).Cancel(), stream))
            {
                any = await enumerator.MoveNextAsync().ConfigureAwait(false);
            }

            attempt.ThrowIfCancellationRequested();
            return new StreamStart(enumerator, any ? enumerator.Current : null, stream);
        }
        catch
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
            stream.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Rest.DisposeAsync().ConfigureAwait(false);
        _stream.Dispose();
    }
}
