using System.Text.Json.Serialization;

namespace Grounded.Evaluation.Reports;

/// <summary>How the PII detector did on a labelled data set, per entity type and over the types it looks for.</summary>
/// <param name="Guard">Always <c>pii</c>.</param>
/// <param name="Items">How many texts were read.</param>
/// <param name="Matching">The rule that decides when a prediction matches a label, in words.</param>
/// <param name="ByType">Entity type (as the data set names it) → its scores; types the detector does not look for have recall 0 and do not count in <paramref name="Micro"/>.</param>
/// <param name="Micro">The scores over all entities of the types the detector looks for.</param>
/// <param name="MicroTokens">The same, counted per word token.</param>
/// <param name="NotCounted">The labelled types the detector does not look for, left out of the micro average.</param>
public sealed record PiiEvalReport(
    string Guard,
    int Items,
    string Matching,
    IReadOnlyDictionary<string, PiiTypeScore> ByType,
    PiiScore Micro,
    PiiScore MicroTokens,
    IReadOnlyList<string> NotCounted)
{
    /// <summary>Gets whether the detector used its name lists for people; null when the caller did not say.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? NameLists { get; init; }

    /// <summary>Gets the detector's mean time per text, in microseconds; null when it was not timed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? MicrosecondsPerText { get; init; }
}
