using System.Globalization;
using System.Reflection;

namespace Grounded.Hosting.Config;

/// <summary>
/// Sets one config value from an environment variable: the path after the prefix names properties separated by
/// <c>__</c>, case-insensitively; an element of <c>models</c> is named by its <c>name</c> (or its index), a route by its key.
/// </summary>
internal static class EnvironmentOverrides
{
    public static void Apply(ConfigDocument document, string path, string value, List<string> problems)
    {
        var segments = path.Split("__", StringSplitOptions.RemoveEmptyEntries);
        object? target = document;
        for (var i = 0; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            switch (target)
            {
                case List<ModelDocument> models:
                    target = models.FirstOrDefault(m => string.Equals(m.Name, segments[i], StringComparison.OrdinalIgnoreCase))
                        ?? (int.TryParse(segments[i], out var index) && index >= 0 && index < models.Count ? models[index] : null);
                    break;
                case Dictionary<string, List<string>> dictionary when last:
                    dictionary[segments[i]] = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
                    return;
                case Dictionary<string, string?> map when last:
                    map[segments[i]] = value;
                    return;
                case Dictionary<string, RouteDocument?> routes when !last:
                    target = routes.FirstOrDefault(r => string.Equals(r.Key, segments[i], StringComparison.OrdinalIgnoreCase)).Value;
                    break;
                case List<string> list when last:
                    list.Clear();
                    list.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    return;
                case not null:
                    var property = target.GetType().GetProperty(segments[i], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
                    if (property is null)
                    {
                        target = null;
                        break;
                    }

                    if (last)
                    {
                        if (!TrySet(target, property, value))
                        {
                            problems.Add($"{GroundedConfig.EnvironmentPrefix}{path}: '{value}' is not a valid {property.Name}");
                        }

                        return;
                    }

                    // A block the file did not write (guards.pii, models[].guards) is created: the variable sets it alone.
                    target = property.GetValue(target) ?? Create(target, property);
                    break;
            }

            if (target is null)
            {
                problems.Add($"{GroundedConfig.EnvironmentPrefix}{path}: no such setting ('{segments[i]}' is unknown)");
                return;
            }
        }
    }

    private static object? Create(object target, PropertyInfo property)
    {
        if (property.PropertyType == typeof(string) || !property.PropertyType.IsClass || property.PropertyType.GetConstructor(Type.EmptyTypes) is null || !property.CanWrite)
        {
            return null;
        }

        var created = Activator.CreateInstance(property.PropertyType);
        property.SetValue(target, created);
        return created;
    }

    private static bool TrySet(object target, PropertyInfo property, string value)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (type == typeof(List<string>))
        {
            property.SetValue(target, value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList());
            return true;
        }

        try
        {
            property.SetValue(target, type == typeof(string) ? value : Convert.ChangeType(value, type, CultureInfo.InvariantCulture));
            return true;
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
        {
            return false;
        }
    }
}
