using System.Text.Json;

namespace Grounded.Evaluation;

/// <summary>How stores keep a run's metric means: one JSON object of name to number or null.</summary>
public static class EvaluationMetricsJson
{
    /// <summary>Returns <paramref name="metrics"/> as a JSON object.</summary>
    public static string Write(IReadOnlyDictionary<string, double?> metrics) => JsonSerializer.Serialize(metrics);

    /// <summary>Returns the metrics of a JSON object written by <see cref="Write"/>.</summary>
    public static IReadOnlyDictionary<string, double?> Read(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, double?>>(json) ?? new Dictionary<string, double?>();
}
