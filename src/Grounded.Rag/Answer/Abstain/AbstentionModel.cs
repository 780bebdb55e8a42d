using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grounded.Rag.Answer.Abstain;

/// <summary>
/// When the extractive answerer abstains although the index is on the question's topic: a logistic regression over
/// <see cref="AbstentionFeatures"/> giving the probability that the evidence answers the question, and the cut below which
/// the answerer abstains. The default (<c>abstention-model.json</c>, embedded) was fitted on COVID-QA with each
/// question's own paper left out of the index for its unanswerable twin, on half the papers, and reported on the other
/// half (docs/benchmarks.md, "Abstention on the corpus's own topic"; refit with <c>bench -- abstain-fit --write</c>).
/// </summary>
public sealed record AbstentionModel
{
    private const string ResourceName = "Grounded.Rag.Answer.Abstain.abstention-model.json";

    private static readonly Lazy<AbstentionModel> Embedded = new(() =>
    {
        using var stream = typeof(AbstentionModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the resource {ResourceName} is missing from the build");
        var model = JsonSerializer.Deserialize<AbstentionModel>(stream) ?? throw new InvalidOperationException($"the resource {ResourceName} is empty");
        return model.Weights.Keys.FirstOrDefault(name => !AbstentionFeatures.Names.Contains(name)) is { } unknown
            ? throw new InvalidOperationException($"the abstention model weighs '{unknown}', which is not a feature ({string.Join(", ", AbstentionFeatures.Names)}): refit it with bench -- abstain-fit --write")
            : model;
    });

    /// <summary>Gets the model fitted for the default scoring.</summary>
    public static AbstentionModel Default => Embedded.Value;

    /// <summary>Gets the weight of each feature, by its name in <see cref="AbstentionFeatures.Names"/>; a feature not named weighs 0.</summary>
    [JsonPropertyName("weights")]
    public required IReadOnlyDictionary<string, double> Weights { get; init; }

    /// <summary>Gets the intercept.</summary>
    [JsonPropertyName("bias")]
    public required double Bias { get; init; }

    /// <summary>Gets the probability below which the answerer abstains.</summary>
    [JsonPropertyName("threshold")]
    public required double Threshold { get; init; }

    /// <summary>Returns the probability that evidence with these features (in <see cref="AbstentionFeatures.Names"/> order) answers the question.</summary>
    public double Probability(IReadOnlyList<double> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Count != AbstentionFeatures.Names.Count)
        {
            throw new ArgumentException($"expected {AbstentionFeatures.Names.Count} features in AbstentionFeatures.Names order (got {features.Count})", nameof(features));
        }

        var z = Bias;
        for (var i = 0; i < features.Count; i++)
        {
            z += Weights.GetValueOrDefault(AbstentionFeatures.Names[i]) * features[i];
        }

        return 1 / (1 + Math.Exp(-z));
    }
}
