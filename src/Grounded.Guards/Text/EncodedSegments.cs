using System.Buffers.Text;
using System.Text;
using System.Text.RegularExpressions;

namespace Grounded.Guards.Text;

/// <summary>
/// Finds base64 and hex segments that decode to readable text (an instruction smuggled past a reader of the plain text)
/// and puts the decoded text in their place. Segments that decode to binary (hashes, keys, images) are left alone.
/// </summary>
internal static partial class EncodedSegments
{
    // Shorter segments are words or identifiers far more often than they are hidden sentences.
    private const int MinimumBase64 = 16;
    private const int MinimumHexBytes = 8;

    /// <summary>Returns <paramref name="source"/> with each decodable segment replaced by its text (itself folded), adding what it did to <paramref name="done"/>.</summary>
    public static MappedText Decode(MappedText source, ISet<string> done, int depth = 0)
    {
        var text = source.Text;
        var found = new List<(int Start, int Length, string Decoded, string Kind)>();
        foreach (Match m in Base64Run().Matches(text))
        {
            if (TryBase64(m.Value) is { } decoded)
            {
                found.Add((m.Index, m.Length, decoded, TextTransformations.Base64));
            }
        }

        foreach (Match m in HexRun().Matches(text))
        {
            if (!found.Any(f => m.Index < f.Start + f.Length && f.Start < m.Index + m.Length) && TryHex(m.Value) is { } decoded)
            {
                found.Add((m.Index, m.Length, decoded, TextTransformations.Hex));
            }
        }

        if (found.Count == 0)
        {
            return source;
        }

        var builder = new MappedText.Builder(source);
        var at = 0;
        foreach (var (start, length, decoded, kind) in found.OrderBy(f => f.Start))
        {
            builder.Copy(at, start - at);
            // The decoded text may be disguised again (look-alikes, or base64 inside base64): normalise it on its own.
            var inner = CharacterFolding.Fold(MappedText.Identity(decoded), done);
            if (depth < 2)
            {
                inner = Decode(inner, done, depth + 1);
            }

            builder.Replace(start, length, " " + inner.Text + " ");
            done.Add(kind);
            at = start + length;
        }

        builder.Copy(at, text.Length - at);
        return builder.Build();
    }

    private static string? TryBase64(string segment)
    {
        var s = segment.Replace('-', '+').Replace('_', '/').TrimEnd('=');
        // Runs without a capital are words, paths or hex, not base64 (whose encoding of text always mixes cases).
        if (s.Length < MinimumBase64 || s.Length % 4 == 1 || !s.Any(char.IsAsciiLetter) || !s.Any(char.IsAsciiLetterUpper))
        {
            return null;
        }

        var padded = s + new string('=', (4 - (s.Length % 4)) % 4);
        var bytes = new byte[Base64.GetMaxDecodedFromUtf8Length(padded.Length)];
        return Convert.TryFromBase64String(padded, bytes, out var written) ? Readable(bytes.AsSpan(0, written)) : null;
    }

    private static string? TryHex(string segment)
    {
        var digits = segment.Replace("\\x", string.Empty, StringComparison.OrdinalIgnoreCase).Replace("0x", string.Empty, StringComparison.OrdinalIgnoreCase)
            .Where(char.IsAsciiHexDigit).ToArray();
        if (digits.Length < MinimumHexBytes * 2 || digits.Length % 2 == 1 || !digits.Any(char.IsAsciiLetter))
        {
            return null;
        }

        return Readable(Convert.FromHexString(digits));
    }

    // Text, not binary: valid UTF-8, nearly all printable, mostly letters and spaces.
    private static string? Readable(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < MinimumHexBytes || !System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(bytes);
        int printable = 0, wordy = 0;
        foreach (var c in text)
        {
            printable += char.IsControl(c) && c is not ('\n' or '\r' or '\t') ? 0 : 1;
            wordy += char.IsLetter(c) || c == ' ' ? 1 : 0;
        }

        return printable >= text.Length * 0.95 && wordy >= text.Length * 0.6 ? text : null;
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+/_-]{16,}={0,2}(?![A-Za-z0-9+/=_-])")]
    private static partial Regex Base64Run();

    // Contiguous hex, or bytes separated by spaces, colons or \x escapes.
    [GeneratedRegex(@"(?<![0-9A-Fa-f])(?:[0-9A-Fa-f]{16,}|(?:[0-9A-Fa-f]{2}[\s:,]){7,}[0-9A-Fa-f]{2}|(?:(?:\\x|0x)[0-9A-Fa-f]{2}[\s:,]?){8,})(?![0-9A-Fa-f])")]
    private static partial Regex HexRun();
}
