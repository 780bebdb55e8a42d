namespace Grounded.Rag.Index;

/// <summary>Store locations: where one lives, and how messages and logs may show it.</summary>
public static class StoreLocation
{
    /// <summary>
    /// Returns the full path of a store that lives in a directory on this machine (SQLite), or null for one elsewhere
    /// (a <c>postgres://</c> database): what only a store of this machine's may hold, such as uploads and the bundled docs.
    /// </summary>
    public static string? LocalDirectory(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return Directory.Exists(location) ? Path.GetFullPath(location) : null;
    }

    /// <summary>Returns the location with any password in a <c>scheme://user:password@host</c> URL replaced by <c>***</c>; other locations as they are.</summary>
    public static string Redact(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var scheme = location.IndexOf("://", StringComparison.Ordinal);
        var at = location.IndexOf('@', StringComparison.Ordinal);
        if (scheme < 0 || at < scheme)
        {
            return location;
        }

        var colon = location.IndexOf(':', scheme + 3);
        return colon > 0 && colon < at ? string.Concat(location.AsSpan(0, colon + 1), "***", location.AsSpan(at)) : location;
    }
}
