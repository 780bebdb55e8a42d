using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Grounded.Agents.Tools.OpenApi;

/// <summary>Reads each operation of a document into an <see cref="OperationShape"/>: its arguments' schema and where each argument goes.</summary>
internal static class OperationShapes
{
    private const int MaxDescriptionChars = 300;
    private static readonly JsonSerializerOptions RelaxedJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Returns the document's operations in document order.</summary>
    public static IEnumerable<OperationShape> Of(OpenApiDocument document)
    {
        foreach (var (path, item) in document.Paths ?? [])
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                yield return Of(path, item, method, operation);
            }
        }
    }

    private static OperationShape Of(string path, IOpenApiPathItem item, HttpMethod method, OpenApiOperation operation)
    {
        var operationId = string.IsNullOrWhiteSpace(operation.OperationId) ? OperationNames.FromMethodAndPath(method.Method, path) : operation.OperationId;
        var properties = new JsonObject();
        var required = new JsonArray();
        var parameters = new List<OperationParameter>();
        foreach (var parameter in Parameters(item, operation))
        {
            if (parameter.Name is not { Length: > 0 } name || parameter.In is not (ParameterLocation.Path or ParameterLocation.Query or ParameterLocation.Header)
                || properties.ContainsKey(name))
            {
                continue;
            }

            var schema = OpenApiSchemaConverter.Convert(parameter.Schema);
            if (!string.IsNullOrWhiteSpace(parameter.Description))
            {
                schema["description"] = parameter.Description.Trim();
            }

            properties[name] = schema;
            parameters.Add(new OperationParameter(name, parameter.In.Value));
            if (parameter.Required || parameter.In == ParameterLocation.Path)
            {
                required.Add(name);
            }
        }

        var bodyArgument = AddBody(operation.RequestBody, properties, required);
        var argumentsSchema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = required,
            ["additionalProperties"] = false,
        };
        return new OperationShape(
            operationId,
            OperationNames.ToToolName(operationId),
            Describe(operation, method, path),
            method,
            path,
            parameters,
            bodyArgument,
            ToElement(argumentsSchema));
    }

    // Descriptions keep their apostrophes: the schema is text the model reads, not HTML.
    private static JsonElement ToElement(JsonObject schema)
    {
        using var document = JsonDocument.Parse(schema.ToJsonString(RelaxedJson));
        return document.RootElement.Clone();
    }

    // Operation parameters override path-item parameters with the same name and location.
    private static IEnumerable<IOpenApiParameter> Parameters(IOpenApiPathItem item, OpenApiOperation operation)
    {
        var own = operation.Parameters ?? [];
        var shared = (item.Parameters ?? []).Where(s => !own.Any(o => o.Name == s.Name && o.In == s.In));
        return own.Concat(shared);
    }

    private static string? AddBody(IOpenApiRequestBody? body, JsonObject properties, JsonArray required)
    {
        var json = body?.Content?.FirstOrDefault(c => IsJson(c.Key)).Value;
        if (json is null)
        {
            return null;
        }

        var name = properties.ContainsKey("body") ? "request_body" : "body";
        var schema = OpenApiSchemaConverter.Convert(json.Schema);
        if (!schema.ContainsKey("description") && !string.IsNullOrWhiteSpace(body!.Description))
        {
            schema["description"] = body.Description.Trim();
        }

        properties[name] = schema;
        if (body!.Required)
        {
            required.Add(name);
        }

        return name;
    }

    private static bool IsJson(string mediaType) =>
        mediaType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
        || mediaType.Split(';')[0].EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    private static string Describe(OpenApiOperation operation, HttpMethod method, string path)
    {
        var text = FirstSentence(operation.Summary) ?? FirstSentence(operation.Description) ?? $"{method.Method} {path}";
        return text.Length <= MaxDescriptionChars ? text : text[..(MaxDescriptionChars - 1)].TrimEnd() + "…";
    }

    private static string? FirstSentence(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var oneLine = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var end = oneLine.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? oneLine : oneLine[..(end + 1)];
    }
}
