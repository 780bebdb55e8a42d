namespace Grounded.Evaluation.Answers;

/// <summary>Whether a cited source is an expected one: its path ends with the expected entry (file names are enough), separators and case ignored.</summary>
public static class SourceMatch
{
    /// <summary>Returns whether <paramref name="citedSource"/> ends with <paramref name="expected"/>, with <c>\</c> read as <c>/</c> in both.</summary>
    public static bool Matches(string citedSource, string expected)
    {
        ArgumentNullException.ThrowIfNull(citedSource);
        ArgumentNullException.ThrowIfNull(expected);
        var wanted = Normalize(expected).TrimStart('.', '/');
        return wanted.Length > 0 && Normalize(citedSource).EndsWith(wanted, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Returns the share of the distinct cited sources that match an expected source; null when nothing was cited.</summary>
    public static double? Precision(IReadOnlyCollection<string> cited, IReadOnlyCollection<string> expected)
    {
        var distinct = cited.Distinct(StringComparer.Ordinal).ToList();
        return distinct.Count == 0 ? null : distinct.Count(c => expected.Any(e => Matches(c, e))) / (double)distinct.Count;
    }

    /// <summary>Returns the share of the expected sources some cited source matches; null when nothing is expected.</summary>
    public static double? Recall(IReadOnlyCollection<string> cited, IReadOnlyCollection<string> expected) =>
        expected.Count == 0 ? null : expected.Count(e => cited.Any(c => Matches(c, e))) / (double)expected.Count;

    private static string Normalize(string path) => path.Replace('\\', '/').Trim();
}
