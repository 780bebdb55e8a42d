using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Grounded.Agents.Tools.OpenApi;

/// <summary>Writes OpenAPI's <see cref="JsonSchemaType"/> flags as JSON Schema's <c>type</c>: one name, or an array of names (<c>["string", "null"]</c>).</summary>
internal static class SchemaTypes
{
    private static readonly (JsonSchemaType Flag, string Name)[] Names =
    [
        (JsonSchemaType.String, "string"),
        (JsonSchemaType.Integer, "integer"),
        (JsonSchemaType.Number, "number"),
        (JsonSchemaType.Boolean, "boolean"),
        (JsonSchemaType.Object, "object"),
        (JsonSchemaType.Array, "array"),
        (JsonSchemaType.Null, "null"),
    ];

    public static JsonNode ToJson(JsonSchemaType type)
    {
        var names = Names.Where(n => type.HasFlag(n.Flag)).Select(n => n.Name).ToList();
        return names.Count == 1 ? JsonValue.Create(names[0]) : new JsonArray([.. names.Select(n => JsonValue.Create(n))]);
    }
}
