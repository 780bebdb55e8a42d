using System.Collections;
using System.Reflection;

namespace Grounded.Hosting.Config;

/// <summary>
/// Makes a deserialized config safe to validate: YAML writes null for a key with no value ("rag:") and for an empty list
/// item ("- "). A section left empty takes its defaults; an empty item of a list or map is a problem naming it, and is
/// removed so that the validators, which expect no nulls where the types say none, can still list every other problem.
/// </summary>
internal static class ConfigNulls
{
    private static readonly NullabilityInfoContext Nullability = new();

    public static void Fill(object section, string at, List<string> problems)
    {
        foreach (var property in section.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanWrite || property.PropertyType == typeof(string) || property.PropertyType.IsValueType)
            {
                continue;
            }

            var path = at.Length == 0 ? Camel(property.Name) : $"{at}.{Camel(property.Name)}";
            var info = Nullability.Create(property);
            var value = property.GetValue(section);
            if (value is null && info.ReadState != NullabilityState.Nullable && property.PropertyType.GetConstructor(Type.EmptyTypes) is { } create)
            {
                value = create.Invoke(null);
                property.SetValue(section, value);
            }

            switch (value)
            {
                case IList list:
                    RemoveNulls(list, info.GenericTypeArguments.FirstOrDefault(), path, problems);
                    break;
                case IDictionary map when info.GenericTypeArguments is [_, var valueInfo]:
                    foreach (var key in map.Keys.Cast<object>().ToList())
                    {
                        if (map[key] is null && valueInfo.ReadState != NullabilityState.Nullable)
                        {
                            problems.Add($"{path}.{key} is empty");
                            map.Remove(key);
                        }
                        else if (map[key] is { } item)
                        {
                            Descend(item, $"{path}.{key}", problems);
                        }
                    }

                    break;
                case { } child:
                    Descend(child, path, problems);
                    break;
            }
        }
    }

    private static void RemoveNulls(IList list, NullabilityInfo? item, string path, List<string> problems)
    {
        for (var i = list.Count - 1; i >= 0; i--)
        {
            if (list[i] is null && item?.ReadState != NullabilityState.Nullable)
            {
                problems.Add($"{path}[{i}] is empty");
                list.RemoveAt(i);
            }
            else if (list[i] is { } value)
            {
                Descend(value, $"{path}[{i}]", problems);
            }
        }
    }

    private static void Descend(object value, string path, List<string> problems)
    {
        if (value is IList list)
        {
            RemoveNulls(list, null, path, problems);
        }
        else if (value.GetType().Namespace == typeof(ConfigNulls).Namespace)
        {
            Fill(value, path, problems);
        }
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
