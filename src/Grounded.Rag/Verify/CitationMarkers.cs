using System.Text.RegularExpressions;

namespace Grounded.Rag.Verify;

/// <summary>Removes the <c>[n]</c> markers that name no source an answer was given (a model may cite a source it was never shown).</summary>
internal static partial class CitationMarkers
{
    /// <summary>Returns the text with only markers naming <paramref name="known"/> sources, and how many numbers were removed; the text is unchanged when none was.</summary>
    public static (string Text, int Removed) KeepOnly(string text, IReadOnlySet<int> known)
    {
        var removed = 0;
        var kept = ClaimSplitter.Markers().Replace(text, m =>
        {
            var numbers = m.Groups["n"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var good = numbers.Where(n => int.TryParse(n, out var i) && known.Contains(i)).ToList();
            removed += numbers.Length - good.Count;
            return good.Count == numbers.Length ? m.Value : string.Concat(good.Select(n => $"[{n}]"));
        });
        return removed == 0 ? (text, 0) : (Tidy(kept), removed);
    }

    /// <summary>Returns text with the gaps a removal leaves closed: no space before punctuation, no run of spaces, no more than one blank line.</summary>
    public static string Tidy(string text) =>
        BlankLines().Replace(SpaceRuns().Replace(SpaceBeforePunctuation().Replace(text, "$1"), " "), "\n\n").Trim();

    [GeneratedRegex(@"[ \t]+([.,;:!?])")]
    private static partial Regex SpaceBeforePunctuation();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex SpaceRuns();

    [GeneratedRegex(@"\n\s*\n(\s*\n)+")]
    private static partial Regex BlankLines();
}
