using System.Text.Json.Serialization;
using Grounded.Evaluation.Metrics;

namespace Grounded.Evaluation.Reports;

/// <summary>How a semantic cache's matcher did on labelled pairs, beside a cosine-only matcher at the same threshold.</summary>
/// <param name="Pairs">How many pairs were judged.</param>
/// <param name="Paraphrases">How many of them are labelled paraphrases.</param>
/// <param name="Threshold">The cosine threshold.</param>
/// <param name="Hits">How many pairs the matcher served as a hit.</param>
/// <param name="Precision">The share of hits that are paraphrases; null when there are no hits.</param>
/// <param name="Recall">The share of paraphrases served.</param>
/// <param name="HitRate">The share of all pairs served.</param>
/// <param name="CosineOnly">What a matcher on the cosine alone (no paraphrase guard) scores at the same threshold.</param>
/// <param name="Rejected">Guard rule → how many pairs at or above the threshold it turned away.</param>
/// <param name="Model">The embedding model.</param>
/// <param name="Texts">How many distinct texts were embedded.</param>
/// <param name="EmbedSeconds">How long embedding them took.</param>
/// <param name="MatchMicroseconds">The matcher's mean time per pair (cosine and guard).</param>
/// <param name="Curve">The scores over a range of thresholds (with <c>--sweep</c>), else null.</param>
public sealed record CacheEvalReport(
    int Pairs,
    int Paraphrases,
    double Threshold,
    int Hits,
    double? Precision,
    double Recall,
    double HitRate,
    MatchScore CosineOnly,
    IReadOnlyDictionary<string, int> Rejected,
    string Model,
    int Texts,
    double EmbedSeconds,
    double MatchMicroseconds,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<CacheEvalPoint>? Curve);
