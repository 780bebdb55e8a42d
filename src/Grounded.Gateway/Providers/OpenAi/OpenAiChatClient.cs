using System.ClientModel;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Providers.OpenAi;

/// <summary>
/// Keeps an OpenAI-compatible exchange faithful on top of Microsoft.Extensions.AI's OpenAI client: the fields the client
/// sent verbatim (<see cref="OpenAiPassThrough"/>) go out verbatim, tool-call arguments keep their exact text both
/// ways, streamed tool calls keep their argument pieces, and log probabilities and the system fingerprint come back.
/// The SDK's HTTP errors become <see cref="ProviderErrorException"/>s with the provider's own message.
/// </summary>
internal sealed class OpenAiChatClient(IChatClient inner) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ChatResponse response;
        try
        {
            response = await base.GetResponseAsync(OpenAiRequest.Messages(messages), OpenAiRequest.Options(options), cancellationToken).ConfigureAwait(false);
        }
        catch (ClientResultException e) when (e.Status > 0)
        {
            throw OpenAiErrors.From(e);
        }

        OpenAiResponse.Enrich(response);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var stream = base.GetStreamingResponseAsync(OpenAiRequest.Messages(messages), OpenAiRequest.Options(options), cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (stream.ConfigureAwait(false))
        {
            var calls = new OpenAiStreamedCalls();
            while (true)
            {
                try
                {
                    if (!await stream.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }
                }
                catch (ClientResultException e) when (e.Status > 0)
                {
                    throw OpenAiErrors.From(e);
                }

                yield return calls.Enrich(stream.Current);
            }
        }
    }
}
