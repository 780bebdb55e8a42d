using System.IO.Compression;
using Grounded.Documents;

namespace Grounded.Rag.Ingest;

/// <summary>
/// Checks a .docx file's zip directory before the Open XML SDK opens it, so a zip bomb is refused from its declared
/// sizes instead of being inflated: too many parts, too many bytes once expanded, or a part compressed beyond any
/// real document's ratio.
/// </summary>
internal static class DocxArchiveGuard
{
    /// <summary>The most bytes the parts of one .docx may expand to (256 MB).</summary>
    public const long MaxExpandedBytes = 256L << 20;

    /// <summary>The highest compression ratio a part above <see cref="RatioFloorBytes"/> may have; real WordprocessingML compresses about 10:1.</summary>
    public const int MaxCompressionRatio = 100;

    /// <summary>The size below which a part's ratio is not checked: a small part of repeated text can compress far, harmlessly.</summary>
    public const long RatioFloorBytes = 1 << 20;

    /// <summary>The most parts (zip entries) a .docx may hold.</summary>
    public const int MaxEntries = 10_000;

    /// <summary>Throws <see cref="DocumentReadException"/> naming the limit a .docx file's zip directory breaks, or when it is not a zip file.</summary>
    public static void Check(string path)
    {
        try
        {
            using var archive = ZipFile.OpenRead(path);
            Check(archive);
        }
        catch (InvalidDataException error)
        {
            // The central directory is read when the entries are first listed, so a damaged one surfaces here too.
            throw new DocumentReadException($"not a readable .docx file: {error.Message}", error);
        }
    }

    private static void Check(ZipArchive archive)
    {
        if (archive.Entries.Count > MaxEntries)
        {
            throw new DocumentReadException($"the .docx archive holds {archive.Entries.Count} parts; the limit is {MaxEntries}");
        }

        long total = 0;
        foreach (var entry in archive.Entries)
        {
            total += entry.Length;
            if (total > MaxExpandedBytes)
            {
                throw new DocumentReadException($"the .docx archive expands past the limit of {MaxExpandedBytes >> 20} MB");
            }

            if (entry.Length > RatioFloorBytes && entry.Length > (long)MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
            {
                throw new DocumentReadException($"the .docx part {entry.FullName} is compressed {entry.Length / Math.Max(1, entry.CompressedLength)}:1; the limit is {MaxCompressionRatio}:1 (a zip bomb?)");
            }
        }
    }
}
