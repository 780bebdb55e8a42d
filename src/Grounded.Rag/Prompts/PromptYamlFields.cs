using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Grounded.Rag.Prompts;

/// <summary>
/// Reads the fields of a prompt file's mapping one by one, adding a problem (with its line and the field's name) for each
/// unknown key and each value of the wrong kind, so that a file's every problem is listed at once.
/// </summary>
internal sealed class PromptYamlFields(Action<string> problem)
{
    /// <summary>
    /// Parses <paramref name="text"/> and returns its root mapping; null, with a problem prefixed by <paramref name="source"/>,
    /// when it is not YAML, empty, or not a mapping (<paramref name="shape"/> says what the file should hold).
    /// </summary>
    public static YamlMappingNode? Root(string text, string source, string shape, List<string> problems)
    {
        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(text));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            problems.Add($"{source}: line {e.Start.Line}: {e.InnerException?.Message ?? e.Message}");
            return null;
        }

        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is YamlScalarNode { Value: null or "" or "~" or "null" })
        {
            problems.Add($"{source}: the file is empty");
            return null;
        }

        if (yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            problems.Add($"{source}: line {yaml.Documents[0].RootNode.Start.Line}: {shape}");
            return null;
        }

        return root;
    }

    /// <summary>Adds a problem for each key of <paramref name="map"/> not in <paramref name="known"/>; <paramref name="prefix"/> is the field path (<c>parameters.</c>).</summary>
    public void Known(YamlMappingNode map, string prefix, params string[] known)
    {
        foreach (var (key, _) in map.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? key.ToString();
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                problem($"line {key.Start.Line}: unknown field '{prefix}{name}' (known: {string.Join(", ", known.Select(k => prefix + k))})");
            }
        }
    }

    /// <summary>Returns the text of <paramref name="name"/>; null when absent or null, or (with a problem) when it is not text.</summary>
    public string? Text(YamlMappingNode map, string name, string path) =>
        Value(map, name) switch
        {
            null => null,
            YamlScalarNode scalar => scalar.Value,
            var node => Wrong(node, $"{path} must be text"),
        };

    /// <summary>Returns the number <paramref name="name"/> holds; null when absent, or (with a problem) when it is not a number.</summary>
    public double? Number(YamlMappingNode map, string name, string path) =>
        Value(map, name) switch
        {
            null => null,
            YamlScalarNode s when double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) => n,
            var node => Wrong<double?>(node, $"{path} must be a number (got {Shown(node)})"),
        };

    /// <summary>Returns the whole number <paramref name="name"/> holds; null when absent, or (with a problem) when it is not one.</summary>
    public int? Integer(YamlMappingNode map, string name, string path) =>
        Value(map, name) switch
        {
            null => null,
            YamlScalarNode s when int.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => n,
            var node => Wrong<int?>(node, $"{path} must be a whole number (got {Shown(node)})"),
        };

    /// <summary>Returns the mapping <paramref name="name"/> holds; null when absent, or (with a problem) when it is not a mapping.</summary>
    public YamlMappingNode? Map(YamlMappingNode map, string name, string example) =>
        Value(map, name) switch
        {
            null => null,
            YamlMappingNode m => m,
            var node => Wrong<YamlMappingNode>(node, $"{name} must be a mapping of fields, e.g. {example} (got {Shown(node)})"),
        };

    /// <summary>Returns the list of texts <paramref name="name"/> holds; null when absent, or (with problems) when it is not one.</summary>
    public List<string>? List(YamlMappingNode map, string name)
    {
        switch (Value(map, name))
        {
            case null:
                return null;
            case YamlSequenceNode sequence:
                var values = new List<string>();
                foreach (var item in sequence.Children)
                {
                    if (item is YamlScalarNode { Value: { Length: > 0 } value })
                    {
                        values.Add(value);
                    }
                    else
                    {
                        problem($"line {item.Start.Line}: {name} must list names (got {Shown(item)})");
                    }
                }

                return values;
            case var node:
                return Wrong<List<string>>(node, $"{name} must be a list of names, e.g. [question, sources] (got {Shown(node)})");
        }
    }

    // A key written with no value (or null / ~) is as good as absent.
    private static YamlNode? Value(YamlMappingNode map, string name) =>
        map.Children.TryGetValue(new YamlScalarNode(name), out var node)
        && !(node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any, Value: null or "" or "~" or "null" })
            ? node : null;

    private string? Wrong(YamlNode node, string message) => Wrong<string>(node, message);

    private T? Wrong<T>(YamlNode node, string message)
    {
        problem($"line {node.Start.Line}: {message}");
        return default;
    }

    private static string Shown(YamlNode node) => node switch
    {
        YamlScalarNode s => $"'{s.Value}'",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "something else",
    };
}
