using System.Globalization;

namespace Grounded.Rag.Retrieve;

/// <summary>How queries are retrieved: the mode and, for hybrid, the fusion. Defaults chosen on the SciFact train split (docs/benchmarks.md).</summary>
public sealed record RetrievalOptions
{
    /// <summary>The largest reciprocal rank fusion k allowed.</summary>
    public const int MaxRrfK = 10_000;

    /// <summary>The largest keyword weight allowed.</summary>
    public const double MaxKeywordWeight = 100;

    /// <summary>Gets which legs answer a query.</summary>
    /// <value>The default is <see cref="RetrievalMode.Hybrid"/>.</value>
    public RetrievalMode Mode { get; init; } = RetrievalMode.Hybrid;

    /// <summary>Gets how hybrid retrieval fuses its legs.</summary>
    /// <value>
    /// The default is <see cref="FusionMethod.Weighted"/>: SciFact train nDCG@10 0.738 against 0.716–0.717 for rank
    /// fusion (k 10, keyword × 3; k 60, equal), with dense alone 0.689 and keyword alone 0.697.
    /// </value>
    public FusionMethod Fusion { get; init; } = FusionMethod.Weighted;

    /// <summary>Gets reciprocal rank fusion's k: larger values flatten the advantage of the top ranks.</summary>
    /// <value>The default is 10.</value>
    public int RrfK { get; init; } = 10;

    /// <summary>Gets the keyword leg's weight against the dense leg's 1, in either fusion method.</summary>
    /// <value>The default is 1 (equal legs); 0.75 and 1.5 measured within 0.004 of it on SciFact.</value>
    public double KeywordWeight { get; init; } = 1;

    /// <summary>Returns every problem with the options, or nothing when they are valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (RrfK is < 0 or > MaxRrfK)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"the RRF k must be between 0 and {MaxRrfK} (got {RrfK})");
        }

        if (!double.IsFinite(KeywordWeight) || KeywordWeight < 0 || KeywordWeight > MaxKeywordWeight)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"the keyword weight must be between 0 and {MaxKeywordWeight} (got {KeywordWeight})");
        }
    }

    /// <summary>Returns the settings as name → value, for reports.</summary>
    public IReadOnlyDictionary<string, string> Describe() => Mode != RetrievalMode.Hybrid
        ? new Dictionary<string, string>(StringComparer.Ordinal) { ["mode"] = Name(Mode) }
        : Fusion == FusionMethod.Weighted
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["mode"] = Name(Mode), ["fusion"] = "weighted", ["keywordWeight"] = KeywordWeight.ToString(CultureInfo.InvariantCulture),
            }
            : new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["mode"] = Name(Mode), ["fusion"] = "rrf", ["rrfK"] = RrfK.ToString(CultureInfo.InvariantCulture),
                ["keywordWeight"] = KeywordWeight.ToString(CultureInfo.InvariantCulture),
            };

    /// <summary>Returns the mode's lowercase name, as the CLI spells it.</summary>
    public static string Name(RetrievalMode mode) => mode.ToString().ToLowerInvariant();

    /// <summary>Returns the mode a name gives (hybrid, dense, keyword or bm25, in any case), or null; how the configuration, the CLI and the API read it.</summary>
    public static RetrievalMode? ParseMode(string? mode) => mode?.Trim().ToLowerInvariant() switch
    {
        "hybrid" => RetrievalMode.Hybrid,
        "dense" => RetrievalMode.Dense,
        "keyword" or "bm25" => RetrievalMode.Keyword,
        _ => null,
    };

    /// <summary>Returns the fusion a name gives (rrf or weighted, in any case), or null.</summary>
    public static FusionMethod? ParseFusion(string? fusion) => fusion?.Trim().ToLowerInvariant() switch
    {
        "rrf" => FusionMethod.Rrf,
        "weighted" => FusionMethod.Weighted,
        _ => null,
    };
}
