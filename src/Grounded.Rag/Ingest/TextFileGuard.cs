using System.Text;
using Grounded.Documents;

namespace Grounded.Rag.Ingest;

/// <summary>Detects the encoding of files that claim to be text and opens them in it, refusing binary content with a clear reason.</summary>
internal static class TextFileGuard
{
    private const int SniffBytes = 8192;
    private const int BufferBytes = 1 << 16;

    /// <summary>
    /// Detects a text file's encoding: its byte-order mark; else UTF-8 when the whole file is valid UTF-8; else the
    /// charset <paramref name="declared"/> finds in the first 8 KB (an HTML page's), when the whole file is valid in it;
    /// else Windows-1252. Throws <see cref="DocumentReadException"/> for binary content: NUL bytes in the first 8 KB
    /// without a UTF-16 or UTF-32 byte-order mark, or anywhere in a file that is not UTF-8.
    /// </summary>
    /// <remarks>Each check streams the file through a fixed buffer, so a file of any size is checked in bounded memory.</remarks>
    public static async Task<TextEncoding> DetectAsync(string path, Func<ReadOnlySpan<byte>, TextEncoding?>? declared, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferBytes, FileOptions.SequentialScan | FileOptions.Asynchronous);
        await using (stream.ConfigureAwait(false))
        {
            var head = new byte[SniffBytes];
            var read = await stream.ReadAtLeastAsync(head, SniffBytes, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (ByteOrderMark(head.AsSpan(0, read)) is { } marked)
            {
                return marked;
            }

            if (head.AsSpan(0, read).Contains((byte)0))
            {
                throw new DocumentReadException("binary content (NUL bytes) in a text file");
            }

            stream.Position = 0;
            var (utf8, nul) = await ScanAsync(stream, TextEncoding.Utf8.Decoding, cancellationToken).ConfigureAwait(false);
            if (utf8)
            {
                return TextEncoding.Utf8;
            }

            // NUL is valid UTF-8, so a UTF-8 file may hold one past the sniffed head; a file that is not UTF-8 is not
            // Windows-1252 text with NULs either, whatever its extension says.
            if (nul)
            {
                throw new DocumentReadException("binary content (NUL bytes) in a text file that is not valid UTF-8");
            }

            if (declared?.Invoke(head.AsSpan(0, read)) is { IsUtf8: false } page)
            {
                stream.Position = 0;
                if ((await ScanAsync(stream, page.Decoding, cancellationToken).ConfigureAwait(false)).Valid)
                {
                    return page;
                }
            }

            return TextEncoding.Windows1252;
        }
    }

    /// <summary>Opens a reader that decodes the file in <paramref name="encoding"/>, after its byte-order mark, and throws <see cref="DecoderFallbackException"/> on bytes not valid in it.</summary>
    public static StreamReader Open(string path, TextEncoding encoding)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferBytes, FileOptions.SequentialScan);
        try
        {
            stream.Position = encoding.PreambleBytes;
            return new StreamReader(stream, encoding.Decoding, detectEncodingFromByteOrderMarks: false, BufferBytes);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Turns a decoding failure into a reason a user can act on.</summary>
    public static DocumentReadException InvalidEncoding(TextEncoding encoding, DecoderFallbackException error) =>
        new($"invalid text encoding: not valid {encoding.Why}", error);

    private static TextEncoding? ByteOrderMark(ReadOnlySpan<byte> head) => head switch
    {
        [0xEF, 0xBB, 0xBF, ..] => TextEncoding.Utf8WithBom,
        [0xFF, 0xFE, 0x00, 0x00, ..] => TextEncoding.Utf32LittleEndian, // before UTF-16 LE, whose mark it starts with
        [0x00, 0x00, 0xFE, 0xFF, ..] => TextEncoding.Utf32BigEndian,
        [0xFF, 0xFE, ..] => TextEncoding.Utf16LittleEndian,
        [0xFE, 0xFF, ..] => TextEncoding.Utf16BigEndian,
        _ => null,
    };

    // Whether the rest of the stream decodes in the encoding, and whether it holds a NUL byte (read to the end for that).
    private static async Task<(bool Valid, bool Nul)> ScanAsync(Stream stream, Encoding encoding, CancellationToken cancellationToken)
    {
        var decoder = encoding.GetDecoder();
        var bytes = new byte[BufferBytes];
        var chars = new char[encoding.GetMaxCharCount(BufferBytes)];
        var (valid, nul) = (true, false);
        int read;
        while ((read = await stream.ReadAsync(bytes, cancellationToken).ConfigureAwait(false)) > 0)
        {
            nul |= bytes.AsSpan(0, read).Contains((byte)0);
            valid = valid && Decodes(decoder, bytes.AsSpan(0, read), chars, flush: false);
            if (!valid && nul)
            {
                break;
            }
        }

        // The flush fails on a sequence cut off by the end of the file.
        return (valid && Decodes(decoder, [], chars, flush: true), nul);
    }

    private static bool Decodes(Decoder decoder, ReadOnlySpan<byte> bytes, Span<char> chars, bool flush)
    {
        try
        {
            do
            {
                decoder.Convert(bytes, chars, flush, out var used, out _, out _);
                bytes = bytes[used..];
            }
            while (bytes.Length > 0);

            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
