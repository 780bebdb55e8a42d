using System.Collections.Concurrent;
using System.Text.Json;
using Json.Schema;
using Microsoft.Extensions.AI;

namespace Grounded.Agents.Tools;

/// <summary>
/// Checks a call's arguments against the tool's JSON schema before it runs. What is wrong comes back as one line the model
/// can fix its call from (<c>top_k: must be at most 10; query: required</c>), never as an exception.
/// </summary>
internal static class ToolArguments
{
    private const int MostCachedSchemas = 512;
    private static readonly ConcurrentDictionary<string, JsonSchema?> Schemas = new(StringComparer.Ordinal);
    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List };

    /// <summary>Returns null when <paramref name="arguments"/> fit <paramref name="function"/>'s schema, else one line listing each problem with its path.</summary>
    public static string? Validate(AIFunction function, IReadOnlyDictionary<string, object?>? arguments)
    {
        ArgumentNullException.ThrowIfNull(function);
        var schemaElement = function.JsonSchema;
        if (schemaElement.ValueKind != JsonValueKind.Object || Compile(schemaElement) is not { } schema)
        {
            return null; // no schema (or one that cannot be read): nothing to check against
        }

        JsonElement instance;
        try
        {
            instance = JsonSerializer.SerializeToElement(arguments ?? new Dictionary<string, object?>(), AIJsonUtilities.DefaultOptions);
        }
        catch (Exception e) when (e is NotSupportedException or JsonException or InvalidOperationException)
        {
            return $"the arguments could not be read as JSON: {e.Message}";
        }

        var results = schema.Evaluate(instance, Evaluation);
        if (results.IsValid)
        {
            return null;
        }

        var problems = ArgumentProblems.Describe(results, schemaElement, instance);
        return problems.Count == 0 ? "the arguments do not match the tool's parameters" : string.Join("; ", problems);
    }

    private static JsonSchema? Compile(JsonElement schema)
    {
        var text = schema.GetRawText();
        if (Schemas.TryGetValue(text, out var compiled))
        {
            return compiled;
        }

        if (Schemas.Count >= MostCachedSchemas)
        {
            Schemas.Clear();
        }

        try
        {
            // Each schema in its own registry under its own id: two tools with the same schema never clash in the global one.
            var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
            compiled = JsonSchema.Build(schema, options, new Uri($"https://grounded.invalid/tool-schemas/{Guid.NewGuid():N}"));
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            compiled = null;
        }

        return Schemas.GetOrAdd(text, compiled);
    }
}
