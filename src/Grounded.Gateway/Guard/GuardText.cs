using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Guard;

/// <summary>
/// The texts of a conversation the guards read and rewrite: each text content of each message, and a tool message's
/// result when it is text. Rewritten messages are copies (with no raw representation left that a provider would send
/// instead of their contents); a message with nothing to rewrite is kept as it was.
/// </summary>
internal static class GuardText
{
    /// <summary>The separator between texts when decisions' spans lay them end to end.</summary>
    public const int Separator = 1;

    /// <summary>Returns the texts of the messages whose role <paramref name="roles"/> accepts, in order.</summary>
    public static List<GuardTextUnit> Units(IList<ChatMessage> messages, Func<ChatRole, bool> roles)
    {
        var units = new List<GuardTextUnit>();
        for (var m = 0; m < messages.Count; m++)
        {
            if (!roles(messages[m].Role))
            {
                continue;
            }

            var contents = messages[m].Contents;
            for (var c = 0; c < contents.Count; c++)
            {
                switch (contents[c])
                {
                    case TextContent { Text.Length: > 0 } text:
                        units.Add(new GuardTextUnit(m, c, text.Text));
                        break;
                    case FunctionResultContent { Result: string { Length: > 0 } result }:
                        units.Add(new GuardTextUnit(m, c, result));
                        break;
                }
            }
        }

        return units;
    }

    /// <summary>Returns the messages with the units' texts replaced by <paramref name="rewritten"/> (same order), copying only the messages that change.</summary>
    public static List<ChatMessage> Rewrite(IList<ChatMessage> messages, IReadOnlyList<GuardTextUnit> units, IReadOnlyList<string> rewritten)
    {
        var result = messages.ToList();
        for (var i = 0; i < units.Count; i++)
        {
            var unit = units[i];
            if (string.Equals(unit.Text, rewritten[i], StringComparison.Ordinal))
            {
                continue;
            }

            var message = result[unit.Message];
            if (ReferenceEquals(message, messages[unit.Message]))
            {
                message = result[unit.Message] = Copy(message);
            }

            message.Contents[unit.Content] = message.Contents[unit.Content] switch
            {
                FunctionResultContent r => new FunctionResultContent(r.CallId, rewritten[i]) { AdditionalProperties = r.AdditionalProperties },
                var t => new TextContent(rewritten[i]) { AdditionalProperties = t.AdditionalProperties },
            };
        }

        return result;
    }

    /// <summary>Returns <paramref name="response"/> with each text content mapped by <paramref name="map"/> (null leaves it).</summary>
    public static ChatResponse MapText(ChatResponse response, Func<string, string> map)
    {
        foreach (var message in response.Messages)
        {
            for (var c = 0; c < message.Contents.Count; c++)
            {
                if (message.Contents[c] is TextContent { Text.Length: > 0 } text && map(text.Text) is var mapped && !string.Equals(mapped, text.Text, StringComparison.Ordinal))
                {
                    message.Contents[c] = new TextContent(mapped) { AdditionalProperties = text.AdditionalProperties };
                }
            }
        }

        return response;
    }

    /// <summary>Returns the text pieces of an update, concatenated.</summary>
    public static string Of(ChatResponseUpdate update)
    {
        var contents = update.Contents;
        if (contents.Count == 1)
        {
            return (contents[0] as TextContent)?.Text ?? string.Empty;
        }

        return string.Concat(contents.OfType<TextContent>().Select(t => t.Text));
    }

    /// <summary>Returns a copy of <paramref name="update"/> whose text contents are replaced by one text (none when empty), other contents kept in place.</summary>
    public static ChatResponseUpdate WithText(ChatResponseUpdate update, string text)
    {
        var contents = new List<AIContent>(update.Contents.Count);
        var placed = false;
        foreach (var content in update.Contents)
        {
            if (content is TextContent)
            {
                if (!placed && text.Length > 0)
                {
                    contents.Add(new TextContent(text));
                }

                placed = true;
                continue;
            }

            contents.Add(content);
        }

        if (!placed && text.Length > 0)
        {
            contents.Insert(0, new TextContent(text));
        }

        return new ChatResponseUpdate(update.Role ?? ChatRole.Assistant, contents)
        {
            FinishReason = update.FinishReason,
            ModelId = update.ModelId,
            ResponseId = update.ResponseId,
            MessageId = update.MessageId,
            CreatedAt = update.CreatedAt,
            AdditionalProperties = update.AdditionalProperties,
            AuthorName = update.AuthorName,
        };
    }

    private static ChatMessage Copy(ChatMessage message) => new(message.Role, [.. message.Contents])
    {
        AuthorName = message.AuthorName,
        AdditionalProperties = message.AdditionalProperties,
        MessageId = message.MessageId,
        CreatedAt = message.CreatedAt,
    };
}
