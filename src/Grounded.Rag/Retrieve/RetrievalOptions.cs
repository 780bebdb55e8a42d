using System.Globalization;

namespace Grounded.Rag.Retrieve;

/// <summary>How queries are retrieved: the mode and, for hybrid, the fusion. Defaults chosen on the SciFact train split (docs/benchmarks.md).</summary>
public sealed record RetrievalOptions
{
    /// <summary>Gets which legs answer a query.</summary>
    /// <value>The default is <see cref="RetrievalMode.Hybrid"/>.</value>
    public RetrievalMode Mode { get; init; } = RetrievalMode.Hybrid;

    /// <summary>Gets how hybrid retrieval fuses its legs.</summary>
    /// <value>The default is <see cref="FusionMethod.Rrf"/>.</value>
    public FusionMethod Fusion { get; init; } = FusionMethod.Rrf;

    /// <summary>Gets reciprocal rank fusion's k: larger values flatten the advantage of the top ranks.</summary>
    /// <value>The default is 10.</value>
    public int RrfK { get; init; } = 10;

    /// <summary>Gets the keyword leg's weight against the dense leg's 1, in either fusion method.</summary>
    /// <value>The default is 3.</value>
    public double KeywordWeight { get; init; } = 3;

    /// <summary>Returns every problem with the options, or nothing when they are valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (RrfK is < 0 or > 10_000)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"--rrf-k must be between 0 and 10000 (got {RrfK})");
        }

        if (!double.IsFinite(KeywordWeight) || KeywordWeight < 0 || KeywordWeight > 100)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"--keyword-weight must be between 0 and 100 (got {KeywordWeight})");
        }
    }

    /// <summary>Returns the settings as name → value, for reports.</summary>
    public IReadOnlyDictionary<string, string> Describe() => Mode != RetrievalMode.Hybrid
        ? new Dictionary<string, string>(StringComparer.Ordinal) { ["mode"] = Name(Mode) }
        : new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["mode"] = Name(Mode),
            ["fusion"] = Fusion == FusionMethod.Rrf ? "rrf" : "weighted",
            ["rrfK"] = Fusion == FusionMethod.Rrf ? RrfK.ToString(CultureInfo.InvariantCulture) : "-",
            ["keywordWeight"] = KeywordWeight.ToString(CultureInfo.InvariantCulture),
        };

    /// <summary>Returns the mode's lowercase name, as the CLI spells it.</summary>
    public static string Name(RetrievalMode mode) => mode.ToString().ToLowerInvariant();
}
