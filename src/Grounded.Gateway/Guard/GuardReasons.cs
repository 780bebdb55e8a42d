using Grounded.Guards;

namespace Grounded.Gateway.Guard;

/// <summary>Reasons that quote nothing: counts of what was found, by type (<c>2 EMAIL_ADDRESS, 1 CREDIT_CARD</c>).</summary>
internal static class GuardReasons
{
    public static string Counts(IReadOnlyList<GuardSpan> spans) =>
        spans.Count == 0 ? "none found" : string.Join(", ", spans.GroupBy(s => s.Type).Select(g => $"{g.Count()} {g.Key}"));

    /// <summary>Runs <paramref name="find"/> over texts laid end to end (one separator between them) and returns the spans at their positions there.</summary>
    public static List<GuardSpan> Across(IReadOnlyList<string> texts, Func<string, IEnumerable<GuardSpan>> find)
    {
        var spans = new List<GuardSpan>();
        var offset = 0;
        foreach (var text in texts)
        {
            spans.AddRange(find(text).Select(s => s with { Start = s.Start + offset }));
            offset += text.Length + GuardText.Separator;
        }

        return spans;
    }
}
