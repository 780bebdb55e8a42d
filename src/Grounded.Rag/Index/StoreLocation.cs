namespace Grounded.Rag.Index;

/// <summary>Store locations as messages and logs may show them.</summary>
public static class StoreLocation
{
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
