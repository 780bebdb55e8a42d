using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grounded.Cli.Output;

/// <summary>Writes results as one JSON object with camelCase names.</summary>
internal static class JsonOutput
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Options));

    /// <summary>
    /// Returns the answer as JSON with the question first: the local user typed it and scripts pair each answer with its
    /// question. The HTTP API leaves it out (<see cref="Grounded.Answers.GroundedAnswer.Question"/> is not serialized), so
    /// a response never carries text its caller did not send or may not see.
    /// </summary>
    public static System.Text.Json.Nodes.JsonObject WithQuestion(Grounded.Answers.GroundedAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var json = new System.Text.Json.Nodes.JsonObject { ["question"] = answer.Question };
        foreach (var (name, value) in JsonSerializer.SerializeToNode(answer, Options)!.AsObject().ToList())
        {
            json[name] = value?.DeepClone();
        }

        return json;
    }
}
