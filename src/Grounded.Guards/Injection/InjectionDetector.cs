using System.Globalization;
using Microsoft.Extensions.AI;

namespace Grounded.Guards.Injection;

/// <summary>
/// Detects prompt injections in user messages and retrieved chunks: the text is normalised (disguises undone), searched
/// for hand-written patterns, and scored by a logistic regression over the local embedding model's vectors of each of
/// its windows; it is an injection when a pattern fires or the best window's probability reaches the threshold.
/// </summary>
public sealed class InjectionDetector : IInjectionDetector
{
    private readonly IEmbeddingGenerator<string, Embedding<float>> _embedder;
    private readonly InjectionClassifierWeights _weights;
    private readonly int _maxWindows;
    private readonly bool _useHeuristics;
    private readonly bool _useClassifier;

    /// <summary>Creates a detector over <paramref name="embedder"/>, which must be the model the shipped classifier was trained on (arctic-embed-xs).</summary>
    /// <exception cref="ArgumentException">The options are unusable (every problem is listed).</exception>
    /// <exception cref="InjectionModelMismatchException">The embedder says it is another model, or makes vectors of another length.</exception>
    public InjectionDetector(IEmbeddingGenerator<string, Embedding<float>> embedder, InjectionDetectorOptions? options = null)
        : this(embedder, options, InjectionClassifierWeights.Default)
    {
    }

    internal InjectionDetector(IEmbeddingGenerator<string, Embedding<float>> embedder, InjectionDetectorOptions? options, InjectionClassifierWeights weights)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(weights);
        options ??= new InjectionDetectorOptions();
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }

        _embedder = embedder;
        _weights = weights;
        _maxWindows = options.MaxWindows;
        _useHeuristics = options.UseHeuristics;
        _useClassifier = options.UseClassifier;
        Threshold = options.Threshold ?? weights.Threshold;
        if (embedder.GetService(typeof(EmbeddingGeneratorMetadata)) is EmbeddingGeneratorMetadata metadata)
        {
            CheckModel(metadata.DefaultModelId, metadata.DefaultModelDimensions);
        }
    }

    /// <summary>The type of the spans the detector reports.</summary>
    public const string SpanType = "injection";

    /// <summary>Gets the shipped classifier's calibrated threshold (best cross-validated F1 at no more than 5% false positives).</summary>
    public static double CalibratedThreshold => InjectionClassifierWeights.Default.Threshold;

    /// <summary>Gets the shipped classifier's strict threshold (about 1% false positives): for retrieved chunks, where a false alarm drops good evidence.</summary>
    public static double StrictThreshold => InjectionClassifierWeights.Default.StrictThreshold;

    /// <summary>Gets the classifier's probability from which a text is an injection.</summary>
    public double Threshold { get; }

    /// <summary>Gets the embedding model the classifier was trained on.</summary>
    public string Model => _weights.Model;

    /// <inheritdoc />
    public async ValueTask<InjectionVerdict> CheckAsync(string text, CancellationToken cancellationToken = default) =>
        (await CheckAllAsync([text], cancellationToken).ConfigureAwait(false))[0];

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<InjectionVerdict>> CheckAllAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var inputs = texts.Select(t => InjectionInput.Prepare(t ?? string.Empty, _weights.WindowChars, _maxWindows)).ToList();
        var units = inputs.SelectMany(i => i.Units).ToList();
        var vectors = units.Count == 0 || !_useClassifier ? null : await _embedder.GenerateAsync(units, null, cancellationToken).ConfigureAwait(false);
        var verdicts = new InjectionVerdict[inputs.Count];
        var next = 0;
        for (var i = 0; i < inputs.Count; i++)
        {
            var (best, at) = (0.0, -1);
            for (var w = 0; vectors is not null && w < inputs[i].Windows.Count; w++, next++)
            {
                var vector = vectors![next];
                CheckModel(vector.ModelId, null);
                var p = _weights.Probability(vector.Vector.Span);
                (best, at) = p > best ? (p, w) : (best, at);
            }

            verdicts[i] = Verdict(inputs[i], best, at);
        }

        return verdicts;
    }

    private InjectionVerdict Verdict(InjectionInput input, double score, int bestWindow)
    {
        var matches = _useHeuristics ? input.Matches : [];
        var classified = score >= Threshold;
        var spans = new List<GuardSpan>();
        foreach (var m in matches)
        {
            var (start, length) = input.Normalized.ToOriginal(m.Start, m.Length);
            spans.Add(new GuardSpan(start, length, SpanType));
        }

        // A long text's flagged window says where the instruction sits; a short text's would be the whole text.
        if (classified && input.Windows.Count > 1)
        {
            var (start, length) = input.Normalized.ToOriginal(input.Windows[bestWindow].Start, input.Windows[bestWindow].Length);
            spans.Add(new GuardSpan(start, length, SpanType));
        }

        var reasons = matches.Select(m => m.Name).Distinct().Select(n => "heuristic: " + n).ToList();
        if (_useClassifier)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"classifier {score:0.00}"));
        }
        if (matches.Count > 0 || classified)
        {
            reasons.AddRange(input.Normalized.Transformations);
        }

        return new InjectionVerdict(matches.Count > 0 || classified, score, reasons.Count == 0 ? "no pattern matched" : string.Join("; ", reasons), spans)
        {
            MatchedPattern = matches.Count > 0,
        };
    }

    // Another model's vectors can have the same length (all-MiniLM's are 384 too) and still mean nothing to the weights.
    private void CheckModel(string? modelId, int? dimensions)
    {
        if (dimensions is { } d && d != _weights.Dimensions)
        {
            throw new InjectionModelMismatchException($"the injection classifier was trained on {_weights.Model} vectors of {_weights.Dimensions} dimensions, but the embedder makes {d}; give the detector an {_weights.Model} embedder");
        }

        if (modelId is not null && !SameModel(modelId, _weights.Model))
        {
            throw new InjectionModelMismatchException($"the injection classifier was trained on {_weights.Model} vectors, but the embedder is {modelId}; give the detector an {_weights.Model} embedder");
        }
    }

    // The int8 model and its float32 original are one model (their vectors agree to a cosine of 0.997 or more).
    private static bool SameModel(string a, string b) =>
        string.Equals(BaseName(a), BaseName(b), StringComparison.OrdinalIgnoreCase);

    private static string BaseName(string id) => id.EndsWith("@int8", StringComparison.OrdinalIgnoreCase) ? id[..^5] : id;
}
