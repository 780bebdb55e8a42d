using System.Runtime.CompilerServices;
using Anthropic.Exceptions;
using Grounded.Gateway.Config;
using Grounded.Gateway.Resilience;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Providers.Anthropic;

/// <summary>
/// Anthropic behind the OpenAI-shaped request: honours what of <see cref="OpenAiPassThrough"/> it can (<c>user</c>
/// becomes <c>metadata.user_id</c>), refuses the rest with a 400 naming the field instead of dropping it, and turns the
/// SDK's HTTP errors into <see cref="ProviderErrorException"/>s with Anthropic's own message.
/// </summary>
internal sealed class AnthropicChatClient(IChatClient inner, ModelOptions model) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = AnthropicRequest.Check(messages, model.Name);
        try
        {
            return await base.GetResponseAsync(list, AnthropicRequest.Options(options, model), cancellationToken).ConfigureAwait(false);
        }
        catch (AnthropicApiException e)
        {
            throw From(e);
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = AnthropicRequest.Check(messages, model.Name);
        var stream = base.GetStreamingResponseAsync(list, AnthropicRequest.Options(options, model), cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (stream.ConfigureAwait(false))
        {
            while (true)
            {
                try
                {
                    if (!await stream.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }
                }
                catch (AnthropicApiException e)
                {
                    throw From(e);
                }

                yield return stream.Current;
            }
        }
    }

    private static ProviderErrorException From(AnthropicApiException error) =>
        ProviderErrorBody.Parse((int)error.StatusCode, error.ResponseBody, error.Message.Split('\n')[0].Trim(), RetryAfterCapture.Last, error);
}
