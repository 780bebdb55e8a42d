using System.Text;
using System.Text.Json;
using CsCheck;

namespace Grounded.Server.Tests.Endpoints;

/// <summary>Generators of request bodies for the HTTP properties: random JSON, near-valid requests with random values, deep nesting, raw bytes.</summary>
internal static class FuzzRequests
{
    /// <summary>A body and the Content-Type it is sent with.</summary>
    internal sealed record Body(byte[] Bytes, string ContentType)
    {
        public override string ToString() => $"{ContentType}: {Fuzzing.Describe(Encoding.UTF8.GetString(Bytes))}";
    }

    private static readonly Gen<string> Strings = Gen.OneOf<string>(
        Gen.OneOf<string>("", "small", "prompt:x", "prompt:x@1", "local", "user", "assistant", "system", "tool", "developer", "function", "text", "image_url", "input_text", "float", "base64", "hybrid", "\u0000", "\uD800"),
        Gen.String[0, 40]);

    private static readonly Gen<string> Scalars = Gen.OneOf<string>(
        Gen.OneOf<string>("null", "true", "false", "0", "1", "-1", "2.5", "1e999", "-0", "99999999999999999999", "[]", "{}"),
        Strings.Select(s => JsonSerializer.Serialize(s)));

    private static readonly string[] ChatFields = ["model", "messages", "stream", "stream_options", "temperature", "top_p", "max_tokens", "max_completion_tokens", "stop", "response_format", "tools", "tool_choice", "n", "logprobs", "top_logprobs", "user", "cache", "metadata", "logit_bias", "seed"];
    private static readonly string[] MessageFields = ["role", "content", "name", "tool_calls", "tool_call_id", "refusal", "type", "text", "image_url", "function", "arguments", "id"];

    /// <summary>Gets chat completion bodies.</summary>
    public static Gen<Body> Chat { get; } = Json(Gen.Select(Tree(ChatFields.Concat(MessageFields).ToArray(), 4), Message.Array[0, 6], Gen.OneOf<string>("\"small\"", "\"prompt:x\"", "\"nope\"", "1"),
        (extra, messages, model) => $$"""{"model":{{model}},"messages":[{{string.Join(",", messages)}}],"extra":{{extra}}}""".Replace(",\"extra\":", ",\"x\":", StringComparison.Ordinal)), ChatFields);

    /// <summary>Gets Responses API bodies.</summary>
    public static Gen<Body> Responses { get; } = Json(Gen.Select(Message.Array[0, 6], Strings, (items, text) => $$"""{"model":"small","input":[{{string.Join(",", items)}}],"instructions":{{JsonSerializer.Serialize(text)}}}"""),
        ["model", "input", "instructions", "stream", "tools", "tool_choice", "text", "max_output_tokens", "previous_response_id", "store", "reasoning"]);

    /// <summary>Gets embeddings bodies.</summary>
    public static Gen<Body> Embeddings { get; } = Json(Gen.Select(Strings.Array[0, 5], Gen.OneOf<string>("\"local\"", "\"x\"", "null"), Gen.OneOf<string>("\"float\"", "\"base64\"", "\"int8\"", "3"),
        (inputs, model, format) => $$"""{"input":{{JsonSerializer.Serialize(inputs)}},"model":{{model}},"encoding_format":{{format}}}"""), ["input", "model", "encoding_format", "dimensions", "user"]);

    /// <summary>Gets /v1/ask bodies.</summary>
    public static Gen<Body> Ask { get; } = Json(Gen.Select(Strings, Gen.OneOf<string>("1", "0", "-5", "1001", "null", "\"5\""), Gen.OneOf<string>("\"hybrid\"", "\"dense\"", "\"keyword\"", "\"sideways\"", "null"), Gen.Bool,
        (question, topK, mode, stream) => $$"""{"question":{{JsonSerializer.Serialize(question)}},"topK":{{topK}},"mode":{{mode}},"stream":{{(stream ? "true" : "false")}}}"""),
        ["question", "topK", "model", "prompt", "mode", "rerank", "mmr", "collection", "sourcePrefix", "tags", "stream"]);

    /// <summary>Gets multipart uploads: random names, extensions and contents, damaged multipart framing, wrong content types.</summary>
    public static Gen<Body> Uploads { get; } = Gen.OneOf<Body>(
        Gen.Select(Gen.OneOf<string>("notes.md", "a.txt", "page.html", "chat.json", "chat.jsonl", "doc.pdf", "doc.docx", ".hidden.md", "../up.md", "x.exe", "noextension", "a\\b.md", "\u0000.md"),
            Gen.Byte.Array[0, 2000], Gen.OneOf<string>("", "team", "a,b", " , ", "bad group!"),
            (name, bytes, groups) => Multipart(name, bytes, groups)),
        Gen.Select(Gen.Byte.Array[0, 2000], Gen.OneOf<string>("multipart/form-data; boundary=x", "multipart/form-data", "multipart/form-data; boundary=", "application/json", "text/plain"),
            (bytes, type) => new Body(bytes, type)),
        Gen.Select(Gen.String[0, 200], Gen.Int[0, 60], (junk, cut) =>
        {
            var text = $"--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.md\"\r\n\r\n# Title\n{junk}\r\n--x--\r\n";
            return new Body(Encoding.UTF8.GetBytes(text[..Math.Max(0, text.Length - cut)]), "multipart/form-data; boundary=x");
        }));

    private static Gen<string> Message => Gen.OneOf<string>(
        Gen.Select(Gen.OneOf<string>("\"user\"", "\"assistant\"", "\"system\"", "\"tool\"", "\"nobody\"", "null", "1"), Scalars, (role, content) => $$"""{"role":{{role}},"content":{{content}}}"""),
        Gen.Select(Gen.OneOf<string>("\"user\"", "\"assistant\""), Gen.OneOf<string>("text", "image_url", "input_text", "input_image", "file", "x"), Scalars,
            (role, type, value) => $$"""{"role":{{role}},"content":[{"type":"{{type}}","text":{{value}},"image_url":{{value}}}]}"""),
        Gen.Select(Scalars, Scalars, (id, arguments) => $$$"""{"role":"assistant","tool_calls":[{"id":{{{id}}},"type":"function","function":{"name":"f","arguments":{{{arguments}}}}}]}"""),
        Gen.Select(Scalars, Scalars, (id, output) => $$"""{"type":"function_call_output","call_id":{{id}},"output":{{output}}}"""),
        Tree(MessageFields, 3));

    private static Gen<Body> Json(Gen<string> nearValid, string[] fields) => Gen.OneOf<string>(
            nearValid,
            Tree(fields, 5),
            Gen.Select(Gen.OneOf<string>("[", "{\"a\":", "[{\"content\":"), Gen.Int[0, 200], (open, depth) => "{\"messages\":" + string.Concat(Enumerable.Repeat(open, depth))),
            Gen.Select(nearValid, Gen.Int[0, 400], Gen.String[0, 8], (json, at, junk) => json.Insert(Math.Min(at, json.Length), junk)),
            Gen.String[0, 300])
        .Select(text => new Body(Encoding.UTF8.GetBytes(text), "application/json"));

    private static Gen<string> Tree(string[] keys, int depth)
    {
        if (depth == 0)
        {
            return Scalars;
        }

        var inner = Tree(keys, depth - 1);
        return Gen.OneOf<string>(
            Scalars,
            inner.Array[0, 5].Select(items => "[" + string.Join(",", items) + "]"),
            Gen.Select(Gen.OneOf<string>(keys), inner, (k, v) => $"\"{k}\":{v}").Array[0, 6].Select(pairs => "{" + string.Join(",", pairs) + "}"));
    }

    // Written by hand rather than with MultipartFormDataContent, which refuses some of the names sent.
    private static Body Multipart(string name, byte[] bytes, string groups)
    {
        var head = $"--fuzz-boundary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        var tail = (groups.Length > 0 ? $"\r\n--fuzz-boundary\r\nContent-Disposition: form-data; name=\"groups\"\r\n\r\n{groups}" : "") + "\r\n--fuzz-boundary--\r\n";
        return new Body([.. Encoding.UTF8.GetBytes(head), .. bytes, .. Encoding.UTF8.GetBytes(tail)], "multipart/form-data; boundary=fuzz-boundary");
    }
}
