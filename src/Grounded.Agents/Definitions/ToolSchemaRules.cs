using System.Text.Json;
using System.Text.RegularExpressions;
using Grounded.Agents.Tools;

namespace Grounded.Agents.Definitions;

/// <summary>The rules about what a tool says of itself: its description, its parameters (how many, described, enums) and nesting.</summary>
internal static partial class ToolSchemaRules
{
    // A parameter whose name ends in one of these picks from a fixed set, and an enum keeps the model from inventing values.
    private static readonly HashSet<string> ChoiceWords = new(StringComparer.Ordinal)
    {
        "status", "type", "kind", "mode", "sort", "order", "unit", "units", "format", "level", "category", "direction", "priority",
    };

    public static IEnumerable<LintFinding> Check(AgentTool tool)
    {
        var name = tool.Name;
        var description = tool.Function.Description?.Trim() ?? string.Empty;
        if (description.Length < LintRules.FewestDescriptionChars)
        {
            yield return new LintFinding(LintRules.Warning, LintRules.MissingDescription, name, description.Length == 0
                ? $"'{name}' has no description: say in one sentence what it does and when to use it"
                : $"'{name}' has a {description.Length}-character description: say in one sentence what it does and when to use it");
        }

        var parameters = Parameters(tool.Function.JsonSchema);
        if (parameters.Count > LintRules.MostParameters)
        {
            yield return new LintFinding(LintRules.Warning, LintRules.TooManyParameters, name,
                $"'{name}' takes {parameters.Count} parameters; models fill more than {LintRules.MostParameters} poorly: split the tool or give the rarely used ones defaults and drop them");
        }

        var undescribed = parameters.Where(p => !HasText(p.Value, "description")).Select(p => p.Name).ToList();
        if (undescribed.Count > 0)
        {
            yield return new LintFinding(LintRules.Warning, LintRules.MissingParameterDescription, name,
                $"'{name}' has parameters without a description ({string.Join(", ", undescribed)}): say what each is, its format and units");
        }

        foreach (var parameter in parameters.Where(p => ShouldBeEnum(p.Name, p.Value)))
        {
            yield return new LintFinding(LintRules.Warning, LintRules.StringShouldBeEnum, name,
                $"'{name}' parameter '{parameter.Name}' is a free-form string but looks like a fixed set of values: list them as an enum so the model cannot invent one");
        }

        var parameterNesting = SchemaDepth.Of(tool.Function.JsonSchema) - 1;
        if (parameterNesting > LintRules.MostNesting)
        {
            yield return new LintFinding(LintRules.Warning, LintRules.NestedOutput, name,
                $"'{name}' parameters nest {parameterNesting} levels deep; models fill more than {LintRules.MostNesting} badly: flatten them into top-level parameters");
        }

        if (tool.Function.ReturnJsonSchema is { } returns && SchemaDepth.Of(returns) is var depth && depth > LintRules.MostNesting)
        {
            yield return new LintFinding(LintRules.Warning, LintRules.NestedOutput, name,
                $"'{name}' returns objects nested {depth} levels deep; models read more than {LintRules.MostNesting} badly: return a flat object or a list of flat rows");
        }
    }

    private static List<(string Name, JsonElement Value)> Parameters(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
            ? [.. properties.EnumerateObject().Select(p => (p.Name, p.Value))]
            : [];

    private static bool HasText(JsonElement schema, string keyword) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(keyword, out var value)
        && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString());

    private static bool ShouldBeEnum(string name, JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !IsString(schema) || schema.TryGetProperty("enum", out _) || schema.TryGetProperty("const", out _))
        {
            return false;
        }

        var words = ToolNameRules.Words(name);
        if (words.Count > 0 && (ChoiceWords.Contains(words[^1]) || words[0] == "sort"))
        {
            return true;
        }

        return schema.TryGetProperty("description", out var description) && description.ValueKind == JsonValueKind.String
            && ListsOptions().IsMatch(description.GetString() ?? string.Empty);
    }

    private static bool IsString(JsonElement schema) =>
        schema.TryGetProperty("type", out var type) && type.ValueKind switch
        {
            JsonValueKind.String => type.GetString() == "string",
            JsonValueKind.Array => type.EnumerateArray().Any(t => t.GetString() == "string") && type.EnumerateArray().All(t => t.GetString() is "string" or "null"),
            _ => false,
        };

    // "one of a, b, c", "either a or b", "a|b|c", "'a', 'b' or 'c'".
    [GeneratedRegex(@"\bone of\b|\beither\b.+\bor\b|\b\w+\s?\|\s?\w+\b|(['""`]\w+['""`],\s*)+['""`]?\w+['""`]?\s*,?\s*(or|and)\s*['""`]\w+['""`]", RegexOptions.IgnoreCase)]
    private static partial Regex ListsOptions();
}
