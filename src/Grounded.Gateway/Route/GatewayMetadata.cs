using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Route;

/// <summary>
/// What the gateway adds to a response (or to the first update of a stream) in <c>AdditionalProperties</c>: the model
/// that served it and how many provider calls it took, for the <c>x-grounded-model</c> and <c>x-grounded-attempts</c> headers.
/// </summary>
public static class GatewayMetadata
{
    /// <summary>The key of the served model's configured name.</summary>
    public const string ModelKey = "grounded.model";

    /// <summary>The key of the number of provider calls made.</summary>
    public const string AttemptsKey = "grounded.attempts";

    /// <summary>Returns the configured name of the model that served, if known.</summary>
    public static string? Model(AdditionalPropertiesDictionary? properties) =>
        properties?.TryGetValue(ModelKey, out var value) == true ? value as string : null;

    /// <summary>Returns how many provider calls were made, 0 when unknown.</summary>
    public static int Attempts(AdditionalPropertiesDictionary? properties) =>
        properties?.TryGetValue(AttemptsKey, out var value) == true && value is int n ? n : 0;

    internal static AdditionalPropertiesDictionary With(AdditionalPropertiesDictionary? properties, string key, object value)
    {
        properties ??= [];
        properties[key] = value;
        return properties;
    }
}
