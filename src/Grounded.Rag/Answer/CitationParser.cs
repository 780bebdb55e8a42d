using System.Text.RegularExpressions;
using Grounded.Answers;
using Grounded.Chunks;

namespace Grounded.Rag.Answer;

/// <summary>Reads the <c>[n]</c> markers of a generated answer: markers naming a real source become citations, the others are removed from the text.</summary>
public static partial class CitationParser
{
    /// <summary>Returns the answer text with only real markers, and the sources they cite in order of first mention.</summary>
    public static (string Text, IReadOnlyList<Citation> Citations) Parse(string answer, IReadOnlyList<ScoredChunk> evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var cited = new SortedSet<int>();
        var text = Marker().Replace(answer ?? string.Empty, m =>
        {
            var kept = m.Groups["n"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(s => int.TryParse(s, out var n) ? n : 0)
                .Where(n => n >= 1 && n <= evidence.Count)
                .ToList();
            cited.UnionWith(kept);
            return string.Concat(kept.Select(n => $"[{n}]"));
        });
        var citations = cited.Select(n =>
        {
            var c = evidence[n - 1];
            return new Citation(n, c.Chunk.DocumentId, c.Chunk.Source, c.Chunk.Id, c.Score, c.Chunk.Chunk.Text);
        }).ToList();
        return (SpaceBeforePunctuation().Replace(text, "$1").Trim(), citations);
    }

    [GeneratedRegex(@"\[(?:Source\s*)?(?<n>\d+(?:\s*,\s*\d+)*)\]", RegexOptions.IgnoreCase)]
    private static partial Regex Marker();

    [GeneratedRegex(@"\s+([.,;:!?])")]
    private static partial Regex SpaceBeforePunctuation();
}
