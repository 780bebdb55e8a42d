using System.Text;
using Grounded.Answers;

namespace Grounded.Rag.Verify;

/// <summary>What each <see cref="GroundingPolicy"/> makes of a checked answer.</summary>
internal static class GroundingPolicies
{
    /// <summary>Returns the answer as the policy leaves it, and its grounding (method, timing and removed markers are the caller's to add).</summary>
    public static (GeneratedAnswer Answer, Grounding Grounding) Apply(GroundingOptions options, GeneratedAnswer answer, IReadOnlyList<Claim> claims, IReadOnlyList<GroundedClaim> verdicts)
    {
        var supported = verdicts.Count(v => v.Supported);
        var unsupported = verdicts.Count - supported;
        switch (options.Policy)
        {
            case GroundingPolicy.Abstain when verdicts.Count > 0 && supported < options.MinSupport * verdicts.Count:
                return (GeneratedAnswer.Abstain() with { Usage = answer.Usage }, Grounding.None() with { Withheld = verdicts.Count });
            case GroundingPolicy.Strip when unsupported > 0 && supported == 0:
                return (GeneratedAnswer.Abstain() with { Usage = answer.Usage }, Grounding.None() with { Withheld = verdicts.Count });
            case GroundingPolicy.Strip when unsupported > 0:
                var text = Without(answer.Text, claims.Where((_, i) => !verdicts[i].Supported).ToList());
                var kept = verdicts.Where(v => v.Supported).ToList();
                var cited = ClaimSplitter.Markers().Matches(text).SelectMany(Numbers).ToHashSet();
                return (answer with { Text = text, Citations = answer.Citations.Where(c => cited.Contains(c.N)).ToList() },
                    Of(kept) with { Withheld = unsupported });
            default:
                return (answer, Of(verdicts));
        }
    }

    private static IEnumerable<int> Numbers(System.Text.RegularExpressions.Match marker) =>
        marker.Groups["n"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(n => int.TryParse(n, out var i) ? i : 0);

    private static Grounding Of(IReadOnlyList<GroundedClaim> claims) =>
        new(claims.Count(c => c.Supported), claims.Count(c => !c.Supported), claims.Count == 0 ? 0 : Math.Round(claims.Average(c => c.Support), 3)) { Claims = claims };

    private static string Without(string text, IReadOnlyList<Claim> removed)
    {
        var kept = new StringBuilder(text.Length);
        var at = 0;
        foreach (var claim in removed.OrderBy(c => c.Start))
        {
            kept.Append(text, at, claim.Start - at);
            at = claim.End;
        }

        kept.Append(text, at, text.Length - at);
        return CitationMarkers.Tidy(kept.ToString());
    }
}
