using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grounded.Server.OpenAi;

/// <summary>Says, in JSON's words rather than .NET's, what a field of a request body should hold, from the path a JSON error points at.</summary>
internal static class JsonFieldTypes
{
    /// <summary>Returns the field a JSON path names, as a client wrote it: <c>$.messages[0].role</c> → <c>messages[0].role</c>.</summary>
    public static string Field(string? path) => string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.');

    /// <summary>Returns what the field at <paramref name="path"/> of a <paramref name="root"/> body should be: "an integer", "a string", ...</summary>
    public static string Expected(Type root, string? path, JsonSerializerOptions? options)
    {
        var type = root;
        foreach (var segment in Segments(path))
        {
            type = segment is null ? Element(type) : Property(type, segment, options);
            if (type is null)
            {
                return "another kind of value";
            }
        }

        return Describe(type);
    }

    /// <summary>Returns whether <paramref name="type"/> has a field of that JSON name.</summary>
    public static bool Has(Type type, string name, JsonSerializerOptions? options) => Property(type, name, options) is not null;

    private static IEnumerable<string?> Segments(string? path)
    {
        // $.a.b[0].c → "a", "b", null (an element), "c"
        foreach (var part in (path ?? "$").TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = part.Split('[')[0];
            if (name.Length > 0)
            {
                yield return name.Trim('\'', '[', ']');
            }

            for (var i = 0; i < part.Count(c => c == '['); i++)
            {
                yield return null;
            }
        }
    }

    private static Type? Property(Type type, string name, JsonSerializerOptions? options)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var json = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name
                ?? options?.PropertyNamingPolicy?.ConvertName(property.Name) ?? property.Name;
            if (string.Equals(json, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.PropertyType;
            }
        }

        return null;
    }

    private static Type? Element(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericArguments() is { Length: 1 } one ? one[0]
        : type.IsGenericType && type.GetGenericArguments() is { Length: 2 } two ? two[1]
        : null;

    private static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(string) ? "a string"
            : type == typeof(bool) ? "true or false"
            : type == typeof(int) || type == typeof(long) ? "an integer"
            : type == typeof(double) || type == typeof(float) || type == typeof(decimal) ? "a number"
            : type == typeof(JsonElement) ? "a JSON value"
            : type.IsGenericType && type.GetGenericArguments().Length == 2 ? "an object"
            : type.IsArray || (type.IsGenericType && type.GetGenericArguments().Length == 1) ? "an array"
            : "an object";
    }
}
