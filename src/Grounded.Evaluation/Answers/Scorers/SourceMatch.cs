namespace Grounded.Evaluation.Answers;

/// <summary>
/// Whether a cited source is an expected one: its path is the expected entry or ends with <c>/</c> + the entry (file names
/// are enough, but whole path segments only: <c>gs.md</c> does not match <c>embeddings.md</c>), separators and case ignored.
/// </summary>
public static class SourceMatch
{
    /// <summary>Returns whether <paramref name="citedSource"/> is <paramref name="expected"/> or ends with <c>/</c> + it, with <c>\</c> read as <c>/</c> in both.</summary>
    public static bool Matches(string citedSource, string expected)
    {
        ArgumentNullException.ThrowIfNull(citedSource);
        ArgumentNullException.ThrowIfNull(expected);
        var wanted = Normalize(expected).TrimStart('.', '/');
        var cited = Normalize(citedSource);
        return wanted.Length > 0 && (string.Equals(cited, wanted, StringComparison.OrdinalIgnoreCase)
            || cited.EndsWith("/" + wanted, StringComparison.OrdinalIgnoreCase));
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
