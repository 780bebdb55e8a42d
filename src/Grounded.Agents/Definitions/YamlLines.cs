using YamlDotNet.RepresentationModel;

namespace Grounded.Agents.Definitions;

/// <summary>Where a field's value sits in an agent file, as the <c>line N: </c> prefix problems start with.</summary>
internal static class YamlLines
{
    /// <summary>Returns <c>line N: </c> for the value of <paramref name="name"/> in <paramref name="map"/>, or an empty string when the field is absent.</summary>
    public static string At(YamlMappingNode map, string name) =>
        map.Children.TryGetValue(new YamlScalarNode(name), out var node) ? $"line {node.Start.Line}: " : string.Empty;
}
