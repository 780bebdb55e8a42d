using System.Text;
using Microsoft.Extensions.AI;
using OpenAI.Chat;

namespace Grounded.Gateway.Providers.OpenAi;

/// <summary>
/// One stream's tool calls and refusal as the provider sent them: each update's pieces of call arguments become
/// <see cref="FunctionCallDeltaContent"/>s and its piece of refusal an <see cref="ErrorContent"/> as they arrive. The
/// complete calls Microsoft.Extensions.AI assembles at the end are matched to their pieces by position, marked as
/// already streamed and given their exact argument text; its assembled refusal, already sent in pieces, is dropped.
/// </summary>
internal sealed class OpenAiStreamedCalls
{
    private readonly Dictionary<int, StringBuilder> _arguments = [];
    private readonly List<int> _order = []; // call indexes in the order they first appeared, as the library assembles them
    private bool _fingerprinted;
    private bool _refusalStreamed;

    public ChatResponseUpdate Enrich(ChatResponseUpdate update)
    {
        if (update.RawRepresentation is StreamingChatCompletionUpdate raw)
        {
            foreach (var piece in raw.ToolCallUpdates ?? [])
            {
                var delta = piece.FunctionArgumentsUpdate?.ToString() ?? string.Empty;
                if (!_arguments.TryGetValue(piece.Index, out var text))
                {
                    _arguments[piece.Index] = text = new StringBuilder();
                    _order.Add(piece.Index);
                }

                text.Append(delta);
                update.Contents.Add(new FunctionCallDeltaContent(piece.Index, piece.ToolCallId, piece.FunctionName, delta));
            }

            if (raw.RefusalUpdate is { Length: > 0 } refusal)
            {
                update.Contents.Add(new ErrorContent(refusal) { ErrorCode = "Refusal" });
                _refusalStreamed = true;
            }

            var properties = update.AdditionalProperties ??= [];
            OpenAiResponse.Add(properties, _fingerprinted ? null : raw.SystemFingerprint, null, raw.ContentTokenLogProbabilities);
            _fingerprinted |= raw.SystemFingerprint is not null;
            return update;
        }

        var position = 0;
        foreach (var call in update.Contents.OfType<FunctionCallContent>())
        {
            if (position < _order.Count)
            {
                call.WithText(_arguments[_order[position++]].ToString());
                (call.AdditionalProperties ??= [])[FunctionCallDeltaContent.StreamedKey] = true;
            }
        }

        if (_refusalStreamed)
        {
            foreach (var assembled in update.Contents.OfType<ErrorContent>().Where(e => e.ErrorCode == "Refusal").ToList())
            {
                update.Contents.Remove(assembled);
            }
        }

        return update;
    }
}
