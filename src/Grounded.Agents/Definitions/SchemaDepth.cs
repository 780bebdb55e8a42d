using System.Text.Json;

namespace Grounded.Agents.Definitions;

/// <summary>How deep a JSON schema nests objects and arrays: a scalar is 0, an object of scalars 1, a list of such objects 2.</summary>
internal static class SchemaDepth
{
    // A recursive schema is as deep as this: deeper than any limit.
    private const int Unbounded = 32;

    public static int Of(JsonElement schema) => Of(schema, schema, 0);

    private static int Of(JsonElement schema, JsonElement root, int seen)
    {
        if (seen >= Unbounded || schema.ValueKind != JsonValueKind.Object)
        {
            return seen >= Unbounded ? Unbounded : 0;
        }

        if (schema.TryGetProperty("$ref", out var reference) && reference.GetString() is { } pointer && Resolve(root, pointer) is { } target)
        {
            return Of(target, root, seen + 1);
        }

        var deepest = 0;
        foreach (var combinator in (string[])["anyOf", "oneOf", "allOf"])
        {
            if (schema.TryGetProperty(combinator, out var branches) && branches.ValueKind == JsonValueKind.Array)
            {
                deepest = Math.Max(deepest, branches.EnumerateArray().Select(b => Of(b, root, seen + 1)).DefaultIfEmpty(0).Max());
            }
        }

        if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            deepest = Math.Max(deepest, 1 + properties.EnumerateObject().Select(p => Of(p.Value, root, seen + 1)).DefaultIfEmpty(0).Max());
        }
        else if (schema.TryGetProperty("items", out var items))
        {
            deepest = Math.Max(deepest, 1 + Of(items, root, seen + 1));
        }
        else if (schema.TryGetProperty("additionalProperties", out var values) && values.ValueKind == JsonValueKind.Object)
        {
            deepest = Math.Max(deepest, 1 + Of(values, root, seen + 1));
        }
        else if (Types(schema).Any(t => t is "object" or "array"))
        {
            deepest = Math.Max(deepest, 1);
        }

        return Math.Min(deepest, Unbounded);
    }

    private static IEnumerable<string?> Types(JsonElement schema) =>
        !schema.TryGetProperty("type", out var type) ? []
        : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString())
        : [type.GetString()];

    private static JsonElement? Resolve(JsonElement root, string pointer)
    {
        if (!pointer.StartsWith('#'))
        {
            return null; // a remote schema: not followed
        }

        var current = root;
        foreach (var segment in pointer[1..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current;
    }
}
