using Grounded.Chunks;

namespace Grounded.Cli.Commands;

/// <summary>
/// Where evaluation indexes are kept between runs: <c>$GROUNDED_CACHE/eval</c>, else <c>$XDG_CACHE_HOME/grounded/eval</c>,
/// else <c>~/.cache/grounded/eval</c>, one folder per key, so a rerun over the same data and settings reuses its index.
/// </summary>
internal static class EvalCache
{
    public static string DirectoryFor(string kind, params string[] key)
    {
        var name = $"{kind}-{Hashing.Sha256Hex(string.Join('\n', key))[..16]}";
        return Path.Combine(Root(), name);
    }

    private static string Root()
    {
        if (Environment.GetEnvironmentVariable("GROUNDED_CACHE") is { Length: > 0 } cache)
        {
            return Path.Combine(cache, "eval");
        }

        if (Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg)
        {
            return Path.Combine(xdg, "grounded", "eval");
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return home.Length > 0 ? Path.Combine(home, ".cache", "grounded", "eval") : Path.Combine(Path.GetTempPath(), "grounded-eval");
    }
}
