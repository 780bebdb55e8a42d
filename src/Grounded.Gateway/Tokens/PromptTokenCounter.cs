using Microsoft.Extensions.AI;
using Microsoft.ML.Tokenizers;

namespace Grounded.Gateway.Tokens;

/// <summary>Counts a chat prompt's tokens with the model's encoding (o200k_base), as OpenAI counts them: text plus a few tokens per message.</summary>
public sealed class PromptTokenCounter
{
    private const int PerMessage = 3;
    private const int ReplyPrimer = 3;
    private static readonly Lazy<Tokenizer> O200k = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));

    /// <summary>Returns the prompt's token count.</summary>
    public int Count(IEnumerable<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var tokenizer = O200k.Value;
        var total = ReplyPrimer;
        foreach (var message in messages)
        {
            total += PerMessage + tokenizer.CountTokens(message.Role.Value);
            foreach (var content in message.Contents)
            {
                total += content switch
                {
                    TextContent t => tokenizer.CountTokens(t.Text),
                    FunctionCallContent f => tokenizer.CountTokens(f.Name) + tokenizer.CountTokens(System.Text.Json.JsonSerializer.Serialize(f.Arguments)),
                    FunctionResultContent r => tokenizer.CountTokens(r.Result?.ToString() ?? string.Empty),
                    _ => 0,
                };
            }
        }

        return total;
    }

    /// <summary>Returns the token count of one text.</summary>
    public int Count(string text) => O200k.Value.CountTokens(text);
}
