using System.Text.Json.Nodes;

namespace Grounded.Testing.Upstream;

/// <summary>What the upstream reads from a chat request: whether to stream, what to add to the reply, and the text to echo.</summary>
internal sealed record UpstreamRequest(bool Stream, bool IncludeUsage, bool Logprobs, int TopLogprobs, string LastUserText)
{
    public static UpstreamRequest From(JsonNode request) => new(
        Stream: request["stream"]?.GetValue<bool>() ?? false,
        IncludeUsage: request["stream_options"]?["include_usage"]?.GetValue<bool>() ?? false,
        Logprobs: request["logprobs"]?.GetValue<bool>() ?? false,
        TopLogprobs: request["top_logprobs"]?.GetValue<int>() ?? 0,
        LastUserText: LastUser(request));

    private static string LastUser(JsonNode request)
    {
        var last = string.Empty;
        foreach (var m in request["messages"]?.AsArray() ?? [])
        {
            if (m?["role"]?.GetValue<string>() != "user")
            {
                continue;
            }

            var content = m["content"];
            last = content is JsonValue v ? v.GetValue<string>()
                : string.Concat(content?.AsArray().Select(p => p?["text"]?.GetValue<string>()) ?? []);
        }

        return last.Length > 200 ? last[..200] : last;
    }
}
