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

    private static readonly JsonSerializerOptions Compact = new(Options) { WriteIndented = false };

    public static void Write<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Options));

    /// <summary>Returns <paramref name="value"/> as the JSON <see cref="Write"/> prints, on one line.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Compact);

    /// <summary>Returns the answer as JSON with the question first: the local user typed it, and scripts pair each answer with its question (<c>/v1/ask</c> has the same keys, its question null).</summary>
    public static System.Text.Json.Nodes.JsonObject WithQuestion(Grounded.Answers.GroundedAnswer answer) =>
        Grounded.Hosting.Ask.AnswerJson.WithQuestion(answer, answer?.Question, Options);
}
