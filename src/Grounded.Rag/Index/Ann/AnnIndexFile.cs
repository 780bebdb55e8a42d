using System.Globalization;

namespace Grounded.Rag.Index.Ann;

/// <summary>
/// Names the HNSW index files beside the database: <c>ann-E-L.usearch</c> covers the vectors of embedding epoch E and
/// every chunk change logged up to log id L. A file is written under a temporary name and renamed whole, so a crash
/// leaves either the previous file or the new one; the newest complete file wins and the log catches it up.
/// </summary>
internal static class AnnIndexFile
{
    private const string Prefix = "ann-";
    private const string Extension = ".usearch";

    public static string PathFor(string directory, long epoch, long logId) =>
        Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"{Prefix}{epoch}-{logId}{Extension}"));

    /// <summary>Returns the file of <paramref name="epoch"/> covering the most of the log, or null.</summary>
    public static (string Path, long LogId)? Latest(string directory, long epoch)
    {
        (string, long)? best = null;
        foreach (var (path, fileEpoch, logId) in All(directory))
        {
            if (fileEpoch == epoch && (best is null || logId > best.Value.Item2))
            {
                best = (path, logId);
            }
        }

        return best;
    }

    /// <summary>Returns whether any index file (of any epoch) is present.</summary>
    public static bool Any(string directory) => All(directory).Any();

    /// <summary>Saves through a temporary file, then removes every other index file (older ones and leftovers of a crash).</summary>
    public static string Save(HnswIndex index, string directory, long epoch, long logId, TimeProvider time)
    {
        var path = PathFor(directory, epoch, logId);
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        index.Save(temporary);
        File.Move(temporary, path, overwrite: true);
        DeleteAllBut(directory, path, time);
        return path;
    }

    /// <summary>Deletes every index file except <paramref name="keep"/>, and temporary files left for an hour (another process may be writing a newer one).</summary>
    public static void DeleteAllBut(string directory, string? keep, TimeProvider time)
    {
        foreach (var file in Directory.EnumerateFiles(directory, Prefix + "*"))
        {
            var abandoned = file.EndsWith(".tmp", StringComparison.Ordinal) && File.GetLastWriteTimeUtc(file) < time.GetUtcNow().UtcDateTime.AddHours(-1);
            if (!string.Equals(file, keep, StringComparison.Ordinal) && (file.EndsWith(Extension, StringComparison.Ordinal) || abandoned))
            {
                try
                {
                    File.Delete(file);
                }
                catch (IOException)
                {
                    // Another process may hold it open; the next save tries again.
                }
            }
        }
    }

    private static IEnumerable<(string Path, long Epoch, long LogId)> All(string directory)
    {
        if (!Directory.Exists(directory))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(directory, Prefix + "*" + Extension))
        {
            var parts = Path.GetFileNameWithoutExtension(file)[Prefix.Length..].Split('-');
            if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var epoch)
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var logId))
            {
                yield return (file, epoch, logId);
            }
        }
    }
}
