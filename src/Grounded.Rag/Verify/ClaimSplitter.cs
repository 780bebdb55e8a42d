using System.Text.RegularExpressions;
using Grounded.Rag.Answer;
using Grounded.Rag.Chunking;

namespace Grounded.Rag.Verify;

/// <summary>
/// Splits an answer into claims: its sentences (<see cref="SentenceSplitter"/>), each keeping the <c>[n]</c> markers
/// written after its full stop ("It rises. [1] It falls. [2]" cites 1 for the first sentence, not the second). Lines
/// that only introduce a list ("The causes are:") and sentences with fewer than two content words and no number are not claims.
/// </summary>
internal static partial class ClaimSplitter
{
    /// <summary>Returns the claims of <paramref name="answer"/>, in order.</summary>
    public static IReadOnlyList<Claim> Split(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var spans = SentenceSplitter.Split(answer).Select(s => (Start: s.Start, End: s.Start + s.Length)).ToList();
        // Markers that open a sentence belong to the one before it.
        for (var i = 1; i < spans.Count; i++)
        {
            var lead = LeadingMarkers().Match(answer, spans[i].Start, spans[i].End - spans[i].Start);
            if (lead.Success && lead.Length > 0)
            {
                spans[i - 1] = (spans[i - 1].Start, spans[i].Start + lead.Length);
                spans[i] = (SkipSpaces(answer, spans[i].Start + lead.Length, spans[i].End), spans[i].End);
            }
        }

        var claims = new List<Claim>();
        foreach (var (start, end) in spans.Where(s => s.End > s.Start))
        {
            var raw = answer[start..end];
            var cited = new List<int>();
            foreach (Match m in Markers().Matches(raw))
            {
                foreach (var part in m.Groups["n"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    if (int.TryParse(part, out var n) && !cited.Contains(n))
                    {
                        cited.Add(n);
                    }
                }
            }

            var text = Plain(raw);
            if (IsClaim(text))
            {
                claims.Add(new Claim(start, end - start, text, cited));
            }
        }

        return claims;
    }

    /// <summary>Returns <paramref name="text"/> without citation markers, list bullets, or runs of whitespace.</summary>
    public static string Plain(string text)
    {
        var plain = SpaceBeforePunctuation().Replace(Whitespace().Replace(Markers().Replace(text, " "), " "), "$1").Trim();
        return Bullet().Replace(plain, string.Empty);
    }

    // A claim states something: two content words or a number ("Yes." or "Indeed." states nothing to check), and is
    // not a line that only introduces what follows.
    private static bool IsClaim(string text) =>
        text.Length > 0 && !text.EndsWith(':') && (QueryTerms.Of(text).Count >= 2 || ClaimNumbers.Of(text).Count > 0);

    private static int SkipSpaces(string text, int i, int end)
    {
        while (i < end && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    [GeneratedRegex(@"\G(?:\s*\[(?:Source\s*)?\d+(?:\s*,\s*\d+)*\])+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingMarkers();

    [GeneratedRegex(@"\[(?:Source\s*)?(?<n>\d+(?:\s*,\s*\d+)*)\]", RegexOptions.IgnoreCase)]
    internal static partial Regex Markers();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\s+([.,;:!?])")]
    private static partial Regex SpaceBeforePunctuation();

    [GeneratedRegex(@"^(?:[-*•]|\d+[.)])\s+")]
    private static partial Regex Bullet();
}
