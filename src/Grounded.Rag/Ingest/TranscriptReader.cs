using System.Runtime.CompilerServices;
using System.Text.Json;
using Grounded.Documents;

namespace Grounded.Rag.Ingest;

/// <summary>
/// Reads chat transcripts stored as JSON or JSON Lines: messages with a speaker (role, speaker, author, from, name or
/// sender) and a text (content, text, message, value or body, as a string or a list of text parts), as a top-level
/// array, under a key such as "messages", or one per line. Each message becomes one block "speaker: text", blocks a
/// blank line apart in the extracted text. JSON that holds no messages is read as its string values, one block each.
/// </summary>
internal sealed class TranscriptReader : TextFileReader
{
    private static readonly string[] SpeakerKeys = ["role", "speaker", "author", "from", "name", "sender"];
    private static readonly string[] TextKeys = ["content", "text", "message", "value", "body"];
    private static readonly string[] ListKeys = ["messages", "conversation", "conversations", "turns", "dialog", "dialogue", "chat", "items"];

    /// <summary>The deepest nesting of arrays and objects a transcript may have (System.Text.Json's default, named for the error).</summary>
    public const int MaxDepth = 64;

    public override IReadOnlyCollection<string> Extensions { get; } = [".json", ".jsonl"];

    protected override async IAsyncEnumerable<TextBlock> ReadBlocksAsync(TextReader reader, string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var texts = new List<string>();
        if (Path.GetExtension(path).Equals(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            var number = 0;
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                number++;
                if (line.Trim().Length > 0)
                {
                    using var document = Parse(line, $"line {number}");
                    texts.AddRange(Messages(document.RootElement));
                }
            }
        }
        else
        {
            using var document = Parse(await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false), "the file");
            texts.AddRange(Messages(document.RootElement));
        }

        long offset = 0;
        foreach (var text in texts)
        {
            yield return new TextBlock(text, [], offset);
            offset += text.Length + 2;
        }
    }

    private static JsonDocument Parse(string json, string where)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = MaxDepth });
        }
        catch (JsonException error)
        {
            throw new DocumentReadException(
                error.Message.Contains("maximum configured depth", StringComparison.Ordinal)
                    ? $"the JSON in {where} nests arrays and objects more than {MaxDepth} levels deep; the limit is {MaxDepth}"
                    : $"invalid JSON in {where}: {error.Message}", error);
        }
    }

    private static IEnumerable<string> Messages(JsonElement root)
    {
        var list = root.ValueKind == JsonValueKind.Array ? root
            : root.ValueKind == JsonValueKind.Object && ListKeys.Select(k => Property(root, k)).FirstOrDefault(p => p?.ValueKind == JsonValueKind.Array) is { } found ? found
            : (JsonElement?)null;
        var messages = list is { } array ? array.EnumerateArray().Select(Message).ToList() : [Message(root)];
        return messages.All(m => m is not null) && messages.Count > 0 ? messages.Select(m => m!) : Strings(root);
    }

    private static string? Message(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object
            || SpeakerKeys.Select(k => Property(element, k)).FirstOrDefault(p => p is not null) is not { } speakerValue
            || TextKeys.Select(k => Property(element, k)).FirstOrDefault(p => p is not null) is not { } textValue)
        {
            return null;
        }

        var speaker = speakerValue.ValueKind == JsonValueKind.Object
            ? Text(Property(speakerValue, "role") ?? Property(speakerValue, "name") ?? default)
            : Text(speakerValue);
        var text = Text(textValue).Trim();
        return speaker.Length == 0 ? null : text.Length == 0 ? $"{speaker}:" : $"{speaker}: {text}";
    }

    // A message's text: a string, or the text parts of a list ("parts", or objects with a "text").
    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? string.Empty,
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Array => string.Join("\n", value.EnumerateArray().Select(Text).Where(t => t.Length > 0)),
        JsonValueKind.Object => Property(value, "text") is { } text ? Text(text) : Property(value, "parts") is { } parts ? Text(parts) : string.Empty,
        _ => string.Empty,
    };

    private static JsonElement? Property(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String when element.GetString() is { } s && s.Trim().Length > 0 => [s.Trim()],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };
}
