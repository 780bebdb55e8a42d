namespace Grounded.Gateway.Route;

/// <summary>The names of <see cref="RequestClass"/> values as config files, headers and JSON write them (camelCase).</summary>
public static class RequestClasses
{
    /// <summary>Gets every class, in the order they win.</summary>
    public static IReadOnlyList<RequestClass> All { get; } = Enum.GetValues<RequestClass>();

    /// <summary>Returns the class's name: <c>simple</c>, <c>code</c>, <c>reasoning</c>, <c>long</c>, <c>longOutput</c>, <c>conversation</c>, <c>multilingual</c>.</summary>
    public static string Name(RequestClass value) => value switch
    {
        RequestClass.Long => "long",
        RequestClass.Code => "code",
        RequestClass.Reasoning => "reasoning",
        RequestClass.LongOutput => "longOutput",
        RequestClass.Conversation => "conversation",
        RequestClass.Multilingual => "multilingual",
        RequestClass.Simple => "simple",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    /// <summary>Returns the class named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static RequestClass? Parse(string? name) =>
        All.Select(c => (RequestClass?)c).FirstOrDefault(c => string.Equals(Name(c!.Value), name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
