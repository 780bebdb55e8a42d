namespace Grounded.Bench;

/// <summary>Minimal --name value / --flag parsing for the harnesses.</summary>
internal sealed class Args
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    public static Args Parse(string[] args)
    {
        var parsed = new Args();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"unexpected argument '{args[i]}'");
            }

            var name = args[i][2..];
            var value = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
            parsed._values[name] = value;
        }

        return parsed;
    }

    public string? Get(string name) => _values.GetValueOrDefault(name);

    public string Get(string name, string fallback) => _values.GetValueOrDefault(name) ?? fallback;

    /// <summary>Returns the option as a non-negative integer; throws <see cref="FormatException"/> when it is not one.</summary>
    public int GetInt(string name, int fallback)
    {
        if (_values.GetValueOrDefault(name) is not { } value)
        {
            return fallback;
        }

        var number = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        return number >= 0 ? number : throw new FormatException($"--{name} must not be negative");
    }

    public bool Has(string name) => _values.ContainsKey(name);
}
