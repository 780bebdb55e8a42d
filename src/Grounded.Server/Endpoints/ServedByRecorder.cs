using System.Runtime.CompilerServices;
using Grounded.Gateway.Route;
using Microsoft.Extensions.AI;

namespace Grounded.Server.Endpoints;

/// <summary>
/// Wraps one request's gateway client to remember which model served and after how many provider calls, so that
/// <c>/v1/ask</c> can send the same <c>x-grounded-model</c> and <c>x-grounded-attempts</c> headers as the chat route.
/// </summary>
internal sealed class ServedByRecorder(IChatClient inner) : DelegatingChatClient(inner)
{
    public string? Model { get; private set; }

    public int Attempts { get; private set; }

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        Record(response.AdditionalProperties);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            if (Model is null)
            {
                Record(update.AdditionalProperties);
            }

            yield return update;
        }
    }

    /// <summary>Sets the two headers when a model was called and the response has not started.</summary>
    public void WriteHeaders(HttpResponse response)
    {
        if (Model is not null && !response.HasStarted)
        {
            response.Headers[ChatCompletionsApi.ModelHeader] = Model;
            response.Headers[ChatCompletionsApi.AttemptsHeader] = Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private void Record(AdditionalPropertiesDictionary? properties)
    {
        Model = GatewayMetadata.Model(properties) ?? Model;
        Attempts = GatewayMetadata.Attempts(properties);
    }
}
