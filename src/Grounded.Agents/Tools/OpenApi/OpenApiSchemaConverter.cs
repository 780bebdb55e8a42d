using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Grounded.Agents.Tools.OpenApi;

/// <summary>
/// Turns an OpenAPI schema into plain JSON Schema for a tool's parameters: <c>$ref</c>s to components are inlined,
/// and a recursive reference (a category with sub-categories) is cut at <see cref="MaxDepth"/> levels.
/// </summary>
internal static class OpenApiSchemaConverter
{
    public const int MaxDepth = 8;

    /// <summary>Converts <paramref name="schema"/>; null converts to an empty schema (anything).</summary>
    public static JsonObject Convert(IOpenApiSchema? schema) => Convert(schema, 0, []);

    private static JsonObject Convert(IOpenApiSchema? schema, int depth, HashSet<string> referencesOnPath)
    {
        if (schema is null)
        {
            return [];
        }

        var referenceId = (schema as OpenApiSchemaReference)?.Reference.Id;
        if (depth >= MaxDepth || (referenceId is not null && referencesOnPath.Contains(referenceId)))
        {
            // Said rather than silently dropped: the model may still send the nested value, the API checks it.
            return new JsonObject { ["description"] = $"(a nested {referenceId ?? "value"}; its shape repeats the enclosing one)" };
        }

        if (referenceId is not null)
        {
            referencesOnPath.Add(referenceId);
        }

        var result = new JsonObject();
        AddScalars(schema, result);
        AddChildren(schema, result, depth, referencesOnPath);
        if (referenceId is not null)
        {
            referencesOnPath.Remove(referenceId);
        }

        return result;
    }

    private static void AddScalars(IOpenApiSchema schema, JsonObject result)
    {
        if (schema.Type is { } type)
        {
            result["type"] = SchemaTypes.ToJson(type);
        }

        Set(result, "format", schema.Format);
        Set(result, "description", schema.Description);
        Set(result, "pattern", schema.Pattern);
        Set(result, "minimum", Number(schema.Minimum));
        Set(result, "maximum", Number(schema.Maximum));
        Set(result, "minLength", schema.MinLength);
        Set(result, "maxLength", schema.MaxLength);
        Set(result, "minItems", schema.MinItems);
        Set(result, "maxItems", schema.MaxItems);
        if (schema.Enum is { Count: > 0 } values)
        {
            result["enum"] = new JsonArray([.. values.Select(v => v?.DeepClone())]);
        }

        if (schema.Default is { } defaultValue)
        {
            result["default"] = defaultValue.DeepClone();
        }
    }

    private static void AddChildren(IOpenApiSchema schema, JsonObject result, int depth, HashSet<string> path)
    {
        if (schema.Items is { } items)
        {
            result["items"] = Convert(items, depth + 1, path);
        }

        if (schema.Properties is { Count: > 0 } properties)
        {
            var converted = new JsonObject();
            foreach (var (name, property) in properties.Where(p => p.Value?.ReadOnly != true))
            {
                converted[name] = Convert(property, depth + 1, path);
            }

            result["properties"] = converted;
        }

        if (schema.Required is { Count: > 0 } required)
        {
            result["required"] = new JsonArray([.. required.Where(r => schema.Properties?[r]?.ReadOnly != true).Select(r => JsonValue.Create(r))]);
        }

        if (schema.AdditionalProperties is { } additional)
        {
            result["additionalProperties"] = Convert(additional, depth + 1, path);
        }
        else if (!schema.AdditionalPropertiesAllowed)
        {
            result["additionalProperties"] = false;
        }

        AddAll(result, "allOf", schema.AllOf, depth, path);
        AddAll(result, "oneOf", schema.OneOf, depth, path);
        AddAll(result, "anyOf", schema.AnyOf, depth, path);
    }

    private static void AddAll(JsonObject result, string keyword, IList<IOpenApiSchema>? schemas, int depth, HashSet<string> path)
    {
        if (schemas is { Count: > 0 })
        {
            result[keyword] = new JsonArray([.. schemas.Select(s => (JsonNode)Convert(s, depth + 1, path))]);
        }
    }

    private static decimal? Number(string? text) =>
        decimal.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;

    private static void Set<T>(JsonObject result, string keyword, T? value)
    {
        if (value is not null && !(value is string s && string.IsNullOrWhiteSpace(s)))
        {
            result[keyword] = JsonValue.Create(value);
        }
    }
}
