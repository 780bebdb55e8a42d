using System.Text;

namespace Grounded.Rag.Ingest;

/// <summary>The encoding a text file is read in, as <see cref="TextFileGuard"/> detected it.</summary>
/// <param name="Name">The name reports use: "utf-8", "utf-16le", "windows-1252", or the name of a charset an HTML page declares.</param>
/// <param name="Decoding">The encoding to decode with; it throws on bytes it cannot decode, so a wrong guess fails instead of garbling text.</param>
/// <param name="PreambleBytes">How many bytes of byte-order mark precede the text.</param>
/// <param name="Why">How the encoding was chosen, for the message when the file turns out not to be valid in it.</param>
internal sealed record TextEncoding(string Name, Encoding Decoding, int PreambleBytes, string Why)
{
    /// <summary>The name reports give UTF-8, with or without a byte-order mark (plain ASCII included).</summary>
    public const string Utf8Name = "utf-8";

    public static TextEncoding Utf8 { get; } = new(Utf8Name, new UTF8Encoding(false, throwOnInvalidBytes: true), 0, "UTF-8");

    public static TextEncoding Utf8WithBom { get; } = Utf8 with { PreambleBytes = 3, Why = "UTF-8, as its byte-order mark says" };

    public static TextEncoding Utf16LittleEndian { get; } =
        new("utf-16le", new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 2, "UTF-16 (little-endian), as its byte-order mark says");

    public static TextEncoding Utf16BigEndian { get; } =
        new("utf-16be", new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 2, "UTF-16 (big-endian), as its byte-order mark says");

    public static TextEncoding Utf32LittleEndian { get; } =
        new("utf-32le", new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true), 4, "UTF-32 (little-endian), as its byte-order mark says");

    public static TextEncoding Utf32BigEndian { get; } =
        new("utf-32be", new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true), 4, "UTF-32 (big-endian), as its byte-order mark says");

    /// <summary>
    /// The fallback for text that is not UTF-8: what legacy Western files (Latin-1 included, which it extends with
    /// printable characters in 0x80–0x9F) usually are. Every byte decodes (the five bytes it leaves undefined become
    /// the C1 controls, as on Windows), so it cannot fail; the code-page provider is asked directly rather than
    /// registered, so the library changes no process-wide state.
    /// </summary>
    public static TextEncoding Windows1252 { get; } =
        new("windows-1252", CodePagesEncodingProvider.Instance.GetEncoding(1252)!, 0, "Windows-1252, assumed because the file is not valid UTF-8");

    /// <summary>Gets whether the file is UTF-8 (plain ASCII included), the encoding reports need not point out.</summary>
    public bool IsUtf8 => Name == Utf8Name;
}
