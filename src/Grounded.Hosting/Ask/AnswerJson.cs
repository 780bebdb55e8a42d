using System.Text.Json;
using System.Text.Json.Nodes;
using Grounded.Answers;

namespace Grounded.Hosting.Ask;

/// <summary>
/// An answer as JSON with its id and the question first, as <c>grounded ask --json</c> and <c>POST /v1/ask</c> both write it (same keys).
/// The CLI fills the question its local user typed; the API writes null: a response never repeats the caller's text.
/// </summary>
public static class AnswerJson
{
    /// <summary>Returns <paramref name="answer"/> serialized with <paramref name="options"/>, led by <c>id</c> (when it has one) and <c>question</c>.</summary>
    public static JsonObject WithQuestion(GroundedAnswer answer, string? question, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var json = new JsonObject();
        if (answer.Id is { } id)
        {
            json["id"] = id; // first, as in OpenAI's objects: what POST /v1/feedback takes
        }

        json["question"] = question;
        foreach (var (name, value) in JsonSerializer.SerializeToNode(answer, options)!.AsObject().ToList())
        {
            json[name] = value?.DeepClone();
        }

        return json;
    }
}
