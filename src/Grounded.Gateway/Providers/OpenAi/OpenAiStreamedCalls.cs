using System.Text;
using Microsoft.Extensions.AI;
using OpenAI.Chat;

namespace Grounded.Gateway.Providers.OpenAi;

/// <summary>
/// One stream's tool calls: each update's pieces of call arguments become <see cref="FunctionCallDeltaContent"/>s as
/// they arrive, and the complete calls Microsoft.Extensions.AI assembles at the end are marked as already streamed and
/// given their exact argument text.
/// </summary>
internal sealed class OpenAiStreamedCalls
{
    private readonly Dictionary<int, (string? Id, StringBuilder Arguments)> _calls = [];
    private bool _fingerprinted;

    public ChatResponseUpdate Enrich(ChatResponseUpdate update)
    {
        if (update.RawRepresentation is StreamingChatCompletionUpdate raw)
        {
            foreach (var piece in raw.ToolCallUpdates ?? [])
            {
                var delta = piece.FunctionArgumentsUpdate?.ToString() ?? string.Empty;
                if (!_calls.TryGetValue(piece.Index, out var call))
                {
                    _calls[piece.Index] = call = (piece.ToolCallId, new StringBuilder());
                }

                call.Arguments.Append(delta);
                update.Contents.Add(new FunctionCallDeltaContent(piece.Index, piece.ToolCallId, piece.FunctionName, delta));
            }

            var properties = update.AdditionalProperties ??= [];
            OpenAiResponse.Add(properties, _fingerprinted ? null : raw.SystemFingerprint, null, raw.ContentTokenLogProbabilities);
            _fingerprinted |= raw.SystemFingerprint is not null;
            return update;
        }

        foreach (var call in update.Contents.OfType<FunctionCallContent>())
        {
            var streamed = _calls.Values.FirstOrDefault(c => c.Id == call.CallId);
            if (streamed.Arguments is not null)
            {
                call.WithText(streamed.Arguments.ToString());
                (call.AdditionalProperties ??= [])[FunctionCallDeltaContent.StreamedKey] = true;
            }
        }

        return update;
    }
}
