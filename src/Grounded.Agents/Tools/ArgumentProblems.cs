using System.Globalization;
using System.Text.Json;
using Json.Schema;

namespace Grounded.Agents.Tools;

/// <summary>
/// Words a schema's failures for a model: each problem as <c>path: what to do</c>, with the limits read from the schema itself,
/// so the model can correct its call without seeing the schema again.
/// </summary>
internal static class ArgumentProblems
{
    public static List<string> Describe(EvaluationResults results, JsonElement schema, JsonElement instance)
    {
        var problems = new List<string>();
        foreach (var node in Flatten(results))
        {
            if (node.Errors is not { Count: > 0 } errors)
            {
                continue;
            }

            var instancePath = Segments(node.InstanceLocation.ToString());
            var evaluated = Navigate(schema, Segments(node.EvaluationPath.ToString()));
            var byInstance = Navigate(schema, PropertiesPath(instancePath));
            var value = Navigate(instance, instancePath);
            foreach (var (keyword, message) in errors)
            {
                // The evaluation path finds the subschema even under anyOf or $ref; where it does not (some paths through
                // "items" are not plain pointers into the document), the instance's own path through properties/items does.
                var schemaNode = Has(evaluated, keyword) ? evaluated : Has(byInstance, keyword) ? byInstance : evaluated;
                foreach (var problem in Describe(keyword, message, instancePath, schemaNode, value, schema))
                {
                    if (!problems.Contains(problem))
                    {
                        problems.Add(problem);
                    }
                }
            }
        }

        return problems;
    }

    private static bool Has(JsonElement? schema, string keyword) =>
        schema is { ValueKind: JsonValueKind.Object } node && node.TryGetProperty(keyword, out _);

    private static IEnumerable<EvaluationResults> Flatten(EvaluationResults results)
    {
        yield return results;
        foreach (var detail in results.Details ?? [])
        {
            foreach (var nested in Flatten(detail))
            {
                yield return nested;
            }
        }
    }

    private static IEnumerable<string> Describe(string keyword, string message, List<string> path, JsonElement? schemaNode, JsonElement? value, JsonElement root)
    {
        var at = Path(path);
        JsonElement? limit = schemaNode is { ValueKind: JsonValueKind.Object } node && node.TryGetProperty(keyword, out var l) ? l : null;
        switch (keyword)
        {
            case "required":
                var missing = limit is { ValueKind: JsonValueKind.Array } required
                    ? required.EnumerateArray().Select(r => r.GetString() ?? string.Empty)
                        .Where(name => value is not { ValueKind: JsonValueKind.Object } o || !o.TryGetProperty(name, out _))
                    : [];
                return missing.Select(name => $"{Path([.. path, name])}: required");
            case "additionalProperties" or "unevaluatedProperties" or "" or "$false" or "false":
                return [Extra(path, at, root)];
            case "type":
                return [$"{at}: must be {Article(limit)}, got {Kind(value)}"];
            case "maximum":
                return [$"{at}: must be at most {limit}"];
            case "minimum":
                return [$"{at}: must be at least {limit}"];
            case "exclusiveMaximum":
                return [$"{at}: must be less than {limit}"];
            case "exclusiveMinimum":
                return [$"{at}: must be more than {limit}"];
            case "maxLength":
                return [$"{at}: must be at most {limit} characters"];
            case "minLength":
                return [limit?.ToString() == "1" ? $"{at}: must not be empty" : $"{at}: must be at least {limit} characters"];
            case "maxItems":
                return [$"{at}: must have at most {limit} items"];
            case "minItems":
                return [$"{at}: must have at least {limit} items"];
            case "enum" when limit is { ValueKind: JsonValueKind.Array } options:
                return [$"{at}: must be one of {string.Join(", ", options.EnumerateArray().Select(o => o.GetRawText()))}"];
            case "const" when limit is { } constant:
                return [$"{at}: must be {constant.GetRawText()}"];
            case "pattern":
                return [$"{at}: must match the pattern {limit}"];
            case "multipleOf":
                return [$"{at}: must be a multiple of {limit}"];
            default:
                return [$"{at}: {message.TrimEnd('.')}"];
        }
    }

    // An extra property: name it and say which parameters there are.
    private static string Extra(List<string> path, string at, JsonElement root)
    {
        if (path.Count == 0)
        {
            return $"{at}: has properties the tool does not take";
        }

        var parent = Navigate(root, PropertiesPath(path[..^1]));
        var known = parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
            ? string.Join(", ", properties.EnumerateObject().Select(x => x.Name))
            : null;
        return known is { Length: > 0 } ? $"{at}: not a parameter of this tool (parameters: {known})" : $"{at}: not a parameter of this tool";
    }

    private static List<string> PropertiesPath(List<string> instancePath)
    {
        var segments = new List<string>();
        foreach (var segment in instancePath)
        {
            segments.AddRange(int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? ["items"] : ["properties", segment]);
        }

        return segments;
    }

    private static string Article(JsonElement? type) => type switch
    {
        { ValueKind: JsonValueKind.String } t => TypeName(t.GetString()),
        { ValueKind: JsonValueKind.Array } types => string.Join(" or ", types.EnumerateArray().Select(t => TypeName(t.GetString()))),
        _ => "of another type",
    };

    private static string TypeName(string? type) => type switch
    {
        "integer" => "an integer",
        "object" => "an object",
        "array" => "an array",
        "null" => "null",
        _ => "a " + type,
    };

    private static string Kind(JsonElement? value) => value?.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string Path(List<string> segments)
    {
        if (segments.Count == 0)
        {
            return "arguments";
        }

        var text = new System.Text.StringBuilder(segments[0]);
        foreach (var segment in segments.Skip(1))
        {
            text.Append(int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? $"[{segment}]" : "." + segment);
        }

        return text.ToString();
    }

    private static List<string> Segments(string pointer) =>
        [.. pointer.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];

    private static JsonElement? Navigate(JsonElement root, List<string> segments)
    {
        var current = root;
        foreach (var segment in segments)
        {
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var child))
            {
                current = child;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < current.GetArrayLength())
            {
                current = current[i];
            }
            else
            {
                return null;
            }
        }

        return current;
    }
}
