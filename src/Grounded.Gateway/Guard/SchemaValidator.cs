using System.Text.Json;
using Json.Schema;

namespace Grounded.Gateway.Guard;

/// <summary>Validates a text against a JSON schema with JsonSchema.Net, as a list of errors (instance path and message, no values).</summary>
internal static class SchemaValidator
{
    public static IReadOnlyList<string> Validate(JsonElement schema, string text)
    {
        JsonSchema compiled;
        try
        {
            // A registry of its own: schemas with the same $id from different requests must not meet in the global one.
            compiled = JsonSchema.Build(schema, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        }
        catch (Exception e) when (e is JsonSchemaException or JsonException or ArgumentException or InvalidOperationException)
        {
            return []; // not a schema this validator can read: the provider accepted it, so the answer is not judged
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            return [$"the answer is not JSON ({e.Message.Split('.')[0]})"];
        }

        using (document)
        {
            var results = compiled.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            if (results.IsValid)
            {
                return [];
            }

            var errors = new List<string>();
            Collect(results, errors);
            return errors.Count > 0 ? errors : ["the answer does not match the schema"];
        }
    }

    private static void Collect(EvaluationResults results, List<string> errors)
    {
        foreach (var (keyword, message) in results.Errors ?? new Dictionary<string, string>())
        {
            var at = results.InstanceLocation.ToString();
            errors.Add($"{(at.Length == 0 ? "/" : at)}: {keyword}: {message}");
        }

        foreach (var detail in results.Details ?? [])
        {
            Collect(detail, errors);
        }
    }
}
