namespace Grounded.Guards.Pii;

/// <summary>
/// Resolves overlapping candidates: the higher score wins, then the longer span, then the earlier one; the result is
/// ordered by start and no two entities overlap. O(n log n): each candidate is checked against its two neighbours
/// among those already kept, which are held sorted by start.
/// </summary>
internal static class EntityMerger
{
    public static IReadOnlyList<PiiEntity> Merge(List<PiiEntity> candidates, double minScore)
    {
        candidates.RemoveAll(c => c.Score < minScore || c.Length <= 0);
        if (candidates.Count <= 1)
        {
            return candidates.ToArray();
        }

        candidates.Sort(static (a, b) =>
        {
            var byScore = b.Score.CompareTo(a.Score);
            if (byScore != 0)
            {
                return byScore;
            }

            var byLength = b.Length.CompareTo(a.Length);
            return byLength != 0 ? byLength : a.Start.CompareTo(b.Start);
        });

        var kept = new List<PiiEntity>(candidates.Count);
        var starts = new List<int>(candidates.Count);
        foreach (var candidate in candidates)
        {
            var at = starts.BinarySearch(candidate.Start);
            if (at < 0)
            {
                at = ~at;
            }
            else
            {
                continue; // a kept entity starts at the same place
            }

            var clashesBefore = at > 0 && kept[at - 1].End > candidate.Start;
            var clashesAfter = at < kept.Count && kept[at].Start < candidate.End;
            if (!clashesBefore && !clashesAfter)
            {
                kept.Insert(at, candidate);
                starts.Insert(at, candidate.Start);
            }
        }

        return kept;
    }
}
