using Grounded.Evaluation.Datasets;

namespace Grounded.Evaluation.Agreement;

/// <summary>Compares a judge's grades with a human's, item by item (matched by id).</summary>
public static class JudgeAgreement
{
    /// <summary>
    /// Returns the agreement on the items both graded. The categories are the integers of <paramref name="scale"/> when
    /// given (a grade outside it, or not a whole number, throws <see cref="DatasetException"/>); else, for whole-number
    /// grades, every integer from the lowest grade to the highest (so a weighted kappa's weights follow the scale);
    /// else the distinct grades given.
    /// </summary>
    public static AgreementReport Compare(IReadOnlyList<Grade> judge, IReadOnlyList<Grade> human, (int Min, int Max)? scale = null)
    {
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentNullException.ThrowIfNull(human);
        var judged = judge.ToDictionary(g => g.Id, g => g.Value, StringComparer.Ordinal);
        var pairs = human.Where(h => judged.ContainsKey(h.Id)).Select(h => (h.Id, Human: h.Value, Judge: judged[h.Id])).ToList();
        var humanIds = human.Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
        var unmatched = new UnmatchedIds(
            [.. judge.Where(j => !humanIds.Contains(j.Id)).Select(j => j.Id)],
            [.. human.Where(h => !judged.ContainsKey(h.Id)).Select(h => h.Id)]);
        if (pairs.Count == 0)
        {
            throw new DatasetException("the judge's and the human's files share no item id, so there is nothing to compare");
        }

        var labels = Labels(pairs.SelectMany(p => (double[])[p.Human, p.Judge]).ToList(), scale);
        var index = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i);
        var confusion = new long[labels.Count, labels.Count];
        foreach (var (_, h, j) in pairs)
        {
            confusion[index[h], index[j]]++;
        }

        return new AgreementReport(
            pairs.Count,
            AgreementStatistics.Kappa(confusion),
            new WeightedKappas(AgreementStatistics.WeightedKappa(confusion, quadratic: true), AgreementStatistics.WeightedKappa(confusion, quadratic: false)),
            AgreementStatistics.Spearman([.. pairs.Select(p => p.Human)], [.. pairs.Select(p => p.Judge)]),
            pairs.Count(p => p.Human == p.Judge) / (double)pairs.Count,
            labels,
            [.. Enumerable.Range(0, labels.Count).Select(i => (IReadOnlyList<long>)[.. Enumerable.Range(0, labels.Count).Select(j => confusion[i, j])])],
            unmatched);
    }

    /// <summary>Parses a scale written <c>MIN-MAX</c> (e.g. <c>1-5</c>, <c>0-10</c>); null when it is not one.</summary>
    public static (int Min, int Max)? ParseScale(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('-', 2, StringSplitOptions.TrimEntries);
        return parts.Length == 2 && int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var min)
            && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var max) && min < max && max - min <= 100
            ? (min, max) : null;
    }

    private static List<double> Labels(List<double> grades, (int Min, int Max)? scale)
    {
        if (scale is var (min, max))
        {
            var outside = grades.FirstOrDefault(g => g < min || g > max || g != Math.Floor(g), double.NaN);
            return double.IsNaN(outside)
                ? [.. Enumerable.Range(min, max - min + 1).Select(i => (double)i)]
                : throw new DatasetException($"the grade {outside} is not a whole number on the scale {min}-{max}");
        }

        if (grades.All(g => g == Math.Floor(g)) && grades.Max() - grades.Min() <= 100)
        {
            return [.. Enumerable.Range((int)grades.Min(), (int)(grades.Max() - grades.Min()) + 1).Select(i => (double)i)];
        }

        return [.. grades.Distinct().Order()];
    }
}
