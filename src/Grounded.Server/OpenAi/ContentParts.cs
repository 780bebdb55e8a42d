using System.Text.Json;
using Grounded.Gateway.Failures;
using Microsoft.Extensions.AI;

namespace Grounded.Server.OpenAi;

/// <summary>
/// A message's <c>content</c>, a string or an array of parts, as Microsoft.Extensions.AI contents: text, images
/// (<c>image_url</c>, a URL or a <c>data:</c> URL, with its <c>detail</c>), audio (<c>input_audio</c>), files
/// (<c>file</c>) and refusals. A part of another type is refused with a 400 naming it: content is never dropped.
/// </summary>
internal static class ContentParts
{
    public const string Supported = "text, image_url, input_audio, file, refusal";

    public static List<AIContent> Read(JsonElement? content, string at)
    {
        switch (content)
        {
            case null or { ValueKind: JsonValueKind.Null }:
                return [];
            case { ValueKind: JsonValueKind.String } text:
                return [new TextContent(text.GetString())];
            case { ValueKind: JsonValueKind.Array } parts:
                var contents = new List<AIContent>();
                var i = 0;
                foreach (var part in parts.EnumerateArray())
                {
                    contents.Add(Part(part, $"{at}[{i++}]"));
                }

                return contents;
            default:
                throw new InvalidRequestException($"{at} must be a string or an array of content parts", at);
        }
    }

    private static AIContent Part(JsonElement part, string at)
    {
        var type = part.ValueKind == JsonValueKind.Object && part.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        return type switch
        {
            "text" => new TextContent(String(part, "text", at)),
            "refusal" => new ErrorContent(String(part, "refusal", at)) { ErrorCode = "Refusal" },
            "image_url" => Image(Object(part, "image_url", at), at),
            "input_audio" => Audio(Object(part, "input_audio", at), at),
            "file" => File(Object(part, "file", at), at),
            null => throw new InvalidRequestException($"{at} has no type (expected one of {Supported})", $"{at}.type"),
            _ => throw new InvalidRequestException($"{at}: content parts of type '{type}' are not supported (supported: {Supported})", $"{at}.type"),
        };
    }

    private static AIContent Image(JsonElement image, string at) =>
        Image(String(image, "url", at + ".image_url"), image.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String ? detail.GetString() : null, $"{at}.image_url.url");

    /// <summary>Returns an image given by a URL or a <c>data:</c> URL; 400 naming <paramref name="at"/> when it is neither.</summary>
    public static AIContent Image(string url, string? detail, string at)
    {
        AIContent content = url.StartsWith("data:", StringComparison.OrdinalIgnoreCase) ? Data(url, at)
            : Uri.TryCreate(url, UriKind.Absolute, out var uri) ? new UriContent(uri, "image/*")
            : throw new InvalidRequestException($"{at} is neither a URL nor a data: URL", at);
        if (detail is not null)
        {
            (content.AdditionalProperties ??= [])["detail"] = detail;
        }

        return content;
    }

    private static DataContent Audio(JsonElement audio, string at)
    {
        var format = String(audio, "format", at + ".input_audio");
        var media = format switch
        {
            "wav" => "audio/wav",
            "mp3" => "audio/mpeg",
            _ => throw new InvalidRequestException($"{at}.input_audio.format must be wav or mp3 (got '{format}')", $"{at}.input_audio.format"),
        };
        try
        {
            return new DataContent(Convert.FromBase64String(String(audio, "data", at + ".input_audio")), media);
        }
        catch (FormatException)
        {
            throw new InvalidRequestException($"{at}.input_audio.data is not base64", $"{at}.input_audio.data");
        }
    }

    private static AIContent File(JsonElement file, string at)
    {
        var name = file.TryGetProperty("filename", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        if (file.TryGetProperty("file_id", out var id) && id.ValueKind == JsonValueKind.String)
        {
            return new HostedFileContent(id.GetString()!) { Name = name };
        }

        return FileData(String(file, "file_data", at + ".file"), name, $"{at}.file.file_data");
    }

    /// <summary>Returns a file given as a <c>data:</c> URL or as plain base64 (a PDF, as OpenAI takes it); 400 naming <paramref name="at"/> when it is neither.</summary>
    public static DataContent FileData(string data, string? name, string at)
    {
        var content = data.StartsWith("data:", StringComparison.OrdinalIgnoreCase) ? Data(data, at) : new DataContent(Base64(data, at), "application/pdf");
        content.Name = name;
        return content;
    }

    private static DataContent Data(string url, string at)
    {
        try
        {
            return new DataContent(url);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new InvalidRequestException($"{at} has a data: URL that is not base64 data with a media type", at);
        }
    }

    private static byte[] Base64(string data, string at)
    {
        try
        {
            return Convert.FromBase64String(data);
        }
        catch (FormatException)
        {
            throw new InvalidRequestException($"{at} is not base64", at);
        }
    }

    private static JsonElement Object(JsonElement part, string name, string at) =>
        part.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value
        : throw new InvalidRequestException($"{at}.{name} must be an object", $"{at}.{name}");

    private static string String(JsonElement part, string name, string at) =>
        part.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()!
        : throw new InvalidRequestException($"{at}.{name} must be a string", $"{at}.{name}");
}
