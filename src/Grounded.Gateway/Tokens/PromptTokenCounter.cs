using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Tokens;

/// <summary>Counts a chat prompt's tokens with the model's encoding (o200k_base), as OpenAI counts them: text plus a few tokens per message.</summary>
public sealed class PromptTokenCounter
{
    private const int PerMessage = 3;
    private const int ReplyPrimer = 3;

    /// <summary>Returns the prompt's token count.</summary>
    public int Count(IEnumerable<ChatMessage> messages) => Measure(messages, text => O200k.Tokenizer.CountTokens(text));

    /// <summary>
    /// Returns a bound the token count cannot exceed, without tokenizing: every BPE token covers at least one UTF-8 byte.
    /// When the bound fits the context window the exact count is not needed to accept the request.
    /// </summary>
    public int UpperBound(IEnumerable<ChatMessage> messages) => Measure(messages, System.Text.Encoding.UTF8.GetByteCount);

    private static int Measure(IEnumerable<ChatMessage> messages, Func<string, int> count)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var total = ReplyPrimer;
        foreach (var message in messages)
        {
            total += PerMessage + count(message.Role.Value);
            foreach (var content in message.Contents)
            {
                total += content switch
                {
                    TextContent t => count(t.Text),
                    FunctionCallContent f => count(f.Name) + count(Providers.ToolCallArguments.Text(f)),
                    FunctionResultContent r => count(r.Result?.ToString() ?? string.Empty),
                    _ => 0,
                };
            }
        }

        return total;
    }

    /// <summary>Returns the token count of one text.</summary>
    public int Count(string text) => O200k.Tokenizer.CountTokens(text);
}
