using System.Text;
using Grounded.Documents;

namespace Grounded.Rag.Ingest;

/// <summary>Opens files that claim to be text, refusing binary content and invalid encodings with a clear reason.</summary>
internal static class TextFileGuard
{
    private const int SniffBytes = 8192;

    /// <summary>Opens a reader that throws <see cref="DocumentReadException"/> on bytes that are not valid in the file's encoding.</summary>
    public static StreamReader Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            var head = new byte[SniffBytes];
            var read = stream.ReadAtLeast(head, SniffBytes, throwOnEndOfStream: false);
            var hasUtf16Bom = read >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF));
            if (!hasUtf16Bom && head.AsSpan(0, read).Contains((byte)0))
            {
                throw new DocumentReadException("binary content (NUL bytes) in a text file");
            }

            stream.Position = 0;
            return new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, 1 << 16);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Turns a decoding failure into a reason a user can act on.</summary>
    public static DocumentReadException InvalidEncoding(DecoderFallbackException error) =>
        new("invalid text encoding: not valid UTF-8 or UTF-16 with a byte-order mark", error);
}
