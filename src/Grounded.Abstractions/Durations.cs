using System.Globalization;

namespace Grounded;

/// <summary>Parses durations as written in the config and on the command line: <c>250ms</c>, <c>1s</c>, <c>2m</c>, <c>1h</c>, <c>90d</c>, or a number of seconds.</summary>
public static class Durations
{
    /// <summary>Reads <paramref name="text"/> as a duration; false when it is not one.</summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var t = text.Trim().ToLowerInvariant();
        var (number, unit) = t.EndsWith("ms", StringComparison.Ordinal) ? (t[..^2], 0.001)
            : t.EndsWith('s') ? (t[..^1], 1.0)
            : t.EndsWith('m') ? (t[..^1], 60.0)
            : t.EndsWith('h') ? (t[..^1], 3600.0)
            : t.EndsWith('d') ? (t[..^1], 86400.0)
            : (t, 1.0);
        // At most 100 years: enough for any expiry or look-back, and far from TimeSpan's and DateTimeOffset's limits.
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || n < 0 || double.IsInfinity(n) || n * unit > 100 * 365.25 * 86400)
        {
            return false;
        }

        value = TimeSpan.FromSeconds(n * unit);
        return true;
    }
}
