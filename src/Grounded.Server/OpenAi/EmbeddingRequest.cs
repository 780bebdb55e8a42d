using System.Text.Json;
using System.Text.Json.Serialization;
using Grounded.Gateway.Failures;

namespace Grounded.Server.OpenAi;

/// <summary>The body of <c>POST /v1/embeddings</c> as OpenAI defines it.</summary>
internal sealed class EmbeddingRequest
{
    /// <summary>The most inputs one request may carry, as OpenAI's API allows.</summary>
    public const int MaxInputs = 2048;

    /// <summary>
    /// The longest input, in characters: about OpenAI's 8,192-token limit per input. The local model reads only its first
    /// 512 tokens, so a longer input would cost tokenizing time for text that is never embedded.
    /// </summary>
    public const int MaxInputChars = 32_768;

    [JsonPropertyName("input")] public JsonElement Input { get; set; }
    [JsonPropertyName("model")] public string? Model { get; set; }
    [JsonPropertyName("encoding_format")] public string? EncodingFormat { get; set; }
    [JsonPropertyName("dimensions")] public int? Dimensions { get; set; }

    /// <summary>Returns the texts to embed: a string or an array of strings; token arrays and empty strings are refused.</summary>
    public IReadOnlyList<string> Texts()
    {
        List<string> texts = Input.ValueKind switch
        {
            JsonValueKind.String => [Input.GetString()!],
            JsonValueKind.Array when Input.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) => Input.EnumerateArray().Select(e => e.GetString()!).ToList(),
            JsonValueKind.Array => throw new InvalidRequestException("input must be a string or an array of strings (token arrays are not supported)", "input"),
            JsonValueKind.Undefined or JsonValueKind.Null => throw new InvalidRequestException("input is required", "input"),
            _ => throw new InvalidRequestException("input must be a string or an array of strings", "input"),
        };
        if (texts.Count is 0 or > MaxInputs)
        {
            throw new InvalidRequestException($"input must hold between 1 and {MaxInputs} strings (got {texts.Count})", "input");
        }

        if (texts.Any(string.IsNullOrEmpty))
        {
            throw new InvalidRequestException("input must not contain empty strings", "input");
        }

        if (texts.FindIndex(t => t.Length > MaxInputChars) is var index and >= 0)
        {
            throw new InvalidRequestException($"input[{index}] is {texts[index].Length} characters long; the limit is {MaxInputChars} per input", "input");
        }

        return texts;
    }
}
