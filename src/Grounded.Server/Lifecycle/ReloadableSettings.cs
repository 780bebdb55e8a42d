using Grounded.Hosting;

namespace Grounded.Server.Lifecycle;

/// <summary>
/// The settings a running server takes from a changed config file: each is read where it is used, per request or per
/// round, so swapping it is whole. The rest (store, models, routes, caches, guards, budgets, limits, server) is built into the
/// stack at start-up and needs a restart.
/// </summary>
internal static class ReloadableSettings
{
    /// <summary>Returns whether a running server applies <paramref name="setting"/> (as <see cref="Hosting.Config.ConfigReading.ChangedIn"/> names it).</summary>
    public static bool Applies(string setting) =>
        setting is "auth.keys" or "monitoring.judgeSampleRate" || setting.StartsWith("alerts.", StringComparison.Ordinal);

    /// <summary>Returns <paramref name="running"/> with the reloadable settings of <paramref name="newer"/>.</summary>
    public static GroundedOptions Apply(GroundedOptions running, GroundedOptions newer) => running with
    {
        Gateway = running.Gateway with { ApiKeyHashes = newer.Gateway.ApiKeyHashes },
        Alerts = newer.Alerts,
        Monitoring = running.Monitoring with { JudgeSampleRate = newer.Monitoring.JudgeSampleRate },
    };
}
