using System.Text.RegularExpressions;

namespace Grounded.Rag.Chunking;

/// <summary>
/// Recognises chat transcripts written as text: turns that start with a speaker label such as "User:", "Assistant:",
/// "**Alice:**", "[10:02] Bob:" or "10:02 Bob:", a few words at most before the colon.
/// </summary>
internal static partial class TranscriptShape
{
    /// <summary>How many non-empty lines the text chunker looks at before deciding whether a text is a transcript.</summary>
    public const int SniffLines = 40;

    /// <summary>Returns the speaker when the line starts a turn, else null.</summary>
    public static string? Speaker(ReadOnlySpan<char> line)
    {
        if (line.Length == 0 || line.Length > 100_000)
        {
            return null;
        }

        var match = Label().Match(line.Length > 200 ? line[..200].ToString() : line.ToString());
        return match.Success && match.Groups["speaker"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 4
            ? match.Groups["speaker"].Value.Trim()
            : null;
    }

    /// <summary>
    /// Returns whether lines read like a transcript: at least two speakers, labels on at least a third of the lines, and
    /// speakers that come back (a glossary of "Term: definition" lines has labels too, but each term only once).
    /// </summary>
    public static bool Looks(IEnumerable<string> lines)
    {
        var total = 0;
        var speakers = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Where(l => l.Trim().Length > 0).Take(SniffLines))
        {
            total++;
            if (Speaker(line) is { } speaker)
            {
                speakers[speaker] = speakers.GetValueOrDefault(speaker) + 1;
            }
        }

        var labelled = speakers.Values.Sum();
        return speakers.Count >= 2 && labelled >= 2 && labelled * 3 >= total && speakers.Count <= Math.Max(2, labelled / 2);
    }

    [GeneratedRegex(@"^[ \t>*_]*(?:\[[^\]\n]{1,32}\][ \t]*|\d{1,2}:\d{2}(?::\d{2})?[ \t]+)?(?<speaker>\p{L}[\p{L}\p{N} ._'-]{0,39}?)[ \t]*[*_]*:[*_]*(?:[ \t]|$)")]
    private static partial Regex Label();
}
