using System.Collections;
using System.Reflection;
using System.Text.Json;

namespace Grounded.Hosting.Config;

/// <summary>
/// A config file as read (<see cref="GroundedConfig.Read"/>): its options, and what each setting said, so that a server
/// reloading it can tell which settings a newer reading changes.
/// </summary>
public sealed class ConfigReading
{
    private readonly IReadOnlyDictionary<string, string> _settings;

    internal ConfigReading(GroundedOptions options, IReadOnlyDictionary<string, string> settings) => (Options, _settings) = (options, settings);

    /// <summary>Gets the options read, validated.</summary>
    public GroundedOptions Options { get; }

    /// <summary>
    /// Returns the settings <paramref name="newer"/> changes, named as in the file, sorted: a section's own settings
    /// (<c>server.logPrompts</c>, <c>auth.keys</c>, <c>monitoring.judgeSampleRate</c>), or the section itself when it is a list or map (<c>models</c>, <c>budgets</c>).
    /// </summary>
    public IReadOnlyList<string> ChangedIn(ConfigReading newer)
    {
        ArgumentNullException.ThrowIfNull(newer);
        return [.. _settings.Keys.Union(newer._settings.Keys)
            .Where(k => _settings.GetValueOrDefault(k) != newer._settings.GetValueOrDefault(k))
            .Order(StringComparer.Ordinal)];
    }

    // Each section's settings as JSON, one level down: a changed setting is named without listing the values (keys, secrets).
    internal static Dictionary<string, string> Settings(ConfigDocument document)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var section in typeof(ConfigDocument).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var value = section.GetValue(document);
            var name = JsonNamingPolicy.CamelCase.ConvertName(section.Name);
            if (value is null or string or IEnumerable)
            {
                settings[name] = JsonSerializer.Serialize(value);
                continue;
            }

            foreach (var setting in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                settings[$"{name}.{JsonNamingPolicy.CamelCase.ConvertName(setting.Name)}"] = JsonSerializer.Serialize(setting.GetValue(value));
            }
        }

        return settings;
    }
}
