namespace Grounded.Guards.Pii;

/// <summary>
/// Resolves overlapping candidates. Candidates of one type that overlap are joined first (two patterns saw parts of the
/// same address), keeping the higher score; then, across types, the higher score wins, then the longer span, then the
/// earlier one. The result is ordered by start and no two entities overlap.
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

        var joined = JoinSameType(candidates);
        joined.Sort(static (a, b) =>
        {
            var byScore = b.Score.CompareTo(a.Score);
            if (byScore != 0)
            {
                return byScore;
            }

            var byLength = b.Length.CompareTo(a.Length);
            return byLength != 0 ? byLength : a.Start.CompareTo(b.Start);
        });

        // Kept entities stay sorted by start, so each candidate is checked against its two neighbours only.
        var kept = new List<PiiEntity>(joined.Count);
        var starts = new List<int>(joined.Count);
        foreach (var candidate in joined)
        {
            var at = starts.BinarySearch(candidate.Start);
            if (at >= 0)
            {
                continue; // a kept entity starts at the same place
            }

            at = ~at;
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

    private static List<PiiEntity> JoinSameType(List<PiiEntity> candidates)
    {
        candidates.Sort(static (a, b) =>
        {
            var byType = string.CompareOrdinal(a.Type, b.Type);
            return byType != 0 ? byType : a.Start.CompareTo(b.Start);
        });

        var joined = new List<PiiEntity>(candidates.Count);
        var current = candidates[0];
        for (var i = 1; i < candidates.Count; i++)
        {
            var next = candidates[i];
            if (next.Type == current.Type && next.Start < current.End)
            {
                var end = Math.Max(current.End, next.End);
                current = current with { Length = end - current.Start, Score = Math.Max(current.Score, next.Score) };
            }
            else
            {
                joined.Add(current);
                current = next;
            }
        }

        joined.Add(current);
        return joined;
    }
}
