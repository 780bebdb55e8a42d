namespace Grounded.Hosting.Config;

// server: { shutdownDelay, drainTimeout }, checked: durations from zero to a sane most.
internal static class ShutdownConfig
{
    public static ShutdownOptions Validate(ServerDocument server, List<string> problems)
    {
        var defaults = new ShutdownOptions();
        return new ShutdownOptions
        {
            Delay = Duration(server.ShutdownDelay, "server.shutdownDelay", defaults.Delay, ShutdownOptions.MaxDelay, "10m", problems),
            DrainTimeout = Duration(server.DrainTimeout, "server.drainTimeout", defaults.DrainTimeout, ShutdownOptions.MaxDrainTimeout, "1h", problems),
        };
    }

    private static TimeSpan Duration(string? text, string at, TimeSpan fallback, TimeSpan most, string mostText, List<string> problems)
    {
        if (text is null)
        {
            return fallback;
        }

        if (Durations.TryParse(text, out var value) && value <= most)
        {
            return value;
        }

        problems.Add($"{at}: '{text}' is not a duration from 0s to {mostText} (e.g. 5s, 30s, 2m)");
        return fallback;
    }
}
