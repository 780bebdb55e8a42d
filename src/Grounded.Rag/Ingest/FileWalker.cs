namespace Grounded.Rag.Ingest;

/// <summary>Expands the paths given to ingest into files: folders recursively (hidden entries skipped), files as given.</summary>
internal static class FileWalker
{
    /// <summary>A file to ingest: its full path, the path as the user would name it, and whether the user named it directly.</summary>
    public sealed record Entry(string FullPath, string Source, bool Explicit);

    public static IEnumerable<Entry> Walk(string path, DocumentReaders readers, string? sourceBase)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            yield return new Entry(full, Name(path, full, sourceBase), true);
            yield break;
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System, IgnoreInaccessible = true };
        foreach (var file in Directory.EnumerateFiles(full, "*", options).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(full, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')) || readers.For(file) is null)
            {
                continue; // dot-folders (.git, .grounded) and formats no reader handles are not documents
            }

            yield return new Entry(file, Name(Path.Combine(path, relative), file, sourceBase), false);
        }
    }

    private static string Name(string given, string full, string? sourceBase) =>
        sourceBase is null ? given : Path.GetRelativePath(sourceBase, full);

    /// <summary>Returns the stable document id for a file: derived from its full path, and from its tenant unless that is the default one (whose ids predate tenants).</summary>
    public static string DocumentId(string fullPath, string tenant = Grounded.Access.Tenants.Default) =>
        Grounded.Chunks.Hashing.Sha256Hex(tenant == Grounded.Access.Tenants.Default ? fullPath : $"{tenant}\u0000{fullPath}")[..16];
}
