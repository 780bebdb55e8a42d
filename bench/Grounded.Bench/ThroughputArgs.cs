using System.Globalization;

namespace Grounded.Bench;

/// <summary>The <c>--name value</c> options of the embed harness.</summary>
internal sealed class ThroughputArgs
{
    private readonly Dictionary<string, string> _values;

    private ThroughputArgs(Dictionary<string, string> values) => _values = values;

    /// <summary>Returns the options, or null when an argument is not a <c>--name value</c> pair or a number is not one.</summary>
    public static ThroughputArgs? Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                return null;
            }

            values[args[i][2..]] = args[i + 1];
        }

        var numbers = new[] { "texts", "min-words", "max-words", "rounds", "group", "batch", "batch-tokens", "threads" };
        return numbers.All(n => !values.TryGetValue(n, out var v) || int.TryParse(v, CultureInfo.InvariantCulture, out var x) && x >= 0)
            ? new ThroughputArgs(values) : null;
    }

    public string Get(string name, string fallback) => _values.GetValueOrDefault(name, fallback);

    public int GetInt(string name, int fallback) =>
        _values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
