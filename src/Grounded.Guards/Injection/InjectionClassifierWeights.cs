using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grounded.Guards.Injection;

/// <summary>
/// The injection classifier's weight file: a logistic regression over one embedding model's vectors, trained at
/// development time (<c>bench/Grounded.Bench -- train-injection</c>) and shipped inside this assembly.
/// </summary>
/// <param name="Format">The file's format version.</param>
/// <param name="Model">The embedding model the weights were trained on (<c>snowflake-arctic-embed-xs@int8</c>); vectors of another model mean nothing to them.</param>
/// <param name="Dimensions">The length of that model's vectors.</param>
/// <param name="Weights">One weight per dimension.</param>
/// <param name="Bias">The intercept.</param>
/// <param name="Threshold">The calibrated probability from which a text is an injection (cross-validated, for a low false-positive rate).</param>
/// <param name="StrictThreshold">A stricter threshold, calibrated for about 1% false positives.</param>
/// <param name="WindowChars">The longest window, in characters, a text is cut into for scoring: the length the weights were trained and calibrated with.</param>
/// <param name="Training">How and on what the weights were trained, and their cross-validated figures.</param>
internal sealed record InjectionClassifierWeights(
    int Format,
    string Model,
    int Dimensions,
    float[] Weights,
    float Bias,
    double Threshold,
    double StrictThreshold,
    int WindowChars,
    JsonElement Training)
{
    /// <summary>The name of the weight file shipped in this assembly.</summary>
    public const string ResourceName = "Grounded.Guards.Injection.injection-classifier.json";

    /// <summary>The format this code reads.</summary>
    public const int CurrentFormat = 1;

    /// <summary>The JSON settings the file is written and read with.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly Lazy<InjectionClassifierWeights> Shipped = new(() =>
    {
        using var stream = typeof(InjectionClassifierWeights).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the injection classifier's weights ({ResourceName}) are missing from {typeof(InjectionClassifierWeights).Assembly.GetName().Name}");
        return Read(stream);
    });

    /// <summary>Gets the weights shipped in this assembly.</summary>
    public static InjectionClassifierWeights Default => Shipped.Value;

    /// <summary>Reads and checks a weight file; throws <see cref="InvalidDataException"/> naming what is wrong.</summary>
    public static InjectionClassifierWeights Read(Stream stream)
    {
        InjectionClassifierWeights? weights;
        try
        {
            weights = JsonSerializer.Deserialize<InjectionClassifierWeights>(stream, Json);
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"the injection classifier's weight file is not valid JSON: {error.Message}", error);
        }

        var problems = new List<string>();
        if (weights is null)
        {
            throw new InvalidDataException("the injection classifier's weight file is empty");
        }

        if (weights.Format != CurrentFormat)
        {
            problems.Add($"format {weights.Format} (this version reads {CurrentFormat})");
        }

        if (string.IsNullOrWhiteSpace(weights.Model))
        {
            problems.Add("no model");
        }

        if (weights.Weights is null || weights.Dimensions <= 0 || weights.Weights.Length != weights.Dimensions)
        {
            problems.Add($"{weights.Weights?.Length ?? 0} weights for {weights.Dimensions} dimensions");
        }

        if (weights.WindowChars < 32)
        {
            problems.Add($"windows of {weights.WindowChars} characters");
        }

        if (weights.Threshold is not (> 0 and < 1) || weights.StrictThreshold is not (> 0 and < 1))
        {
            problems.Add("thresholds outside (0, 1)");
        }

        return problems.Count == 0 ? weights : throw new InvalidDataException($"the injection classifier's weight file is unusable: {string.Join("; ", problems)}");
    }

    /// <summary>Returns the probability that a text whose (unit-length) embedding is <paramref name="vector"/> is an injection.</summary>
    public double Probability(ReadOnlySpan<float> vector)
    {
        if (vector.Length != Dimensions)
        {
            throw new InjectionModelMismatchException($"the injection classifier was trained on {Model} vectors of {Dimensions} dimensions, but the embedding model gave {vector.Length}; give the detector an {Model} embedder (GuardEmbedder opens one)");
        }

        var z = (double)Bias + System.Numerics.Tensors.TensorPrimitives.Dot(vector, Weights);
        return 1 / (1 + Math.Exp(-z));
    }
}
