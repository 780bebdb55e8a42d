using System.Text.RegularExpressions;
using Grounded.Guards;
using Grounded.Guards.Injection;
using Grounded.Guards.Pii;
using Grounded.Rag.Embed;
using Microsoft.Extensions.AI;

namespace Grounded.Hosting.Guards;

/// <summary>
/// Builds the guards' detectors, in this one place: the PII detector, the prompt-injection detector, and the local embedding
/// model (arctic-embed-xs, loaded on first use) that the topic policy and the injection classifier embed with. The server,
/// the CLI (<c>grounded guard check</c>) and the benchmarks all take their detectors from here.
/// </summary>
public sealed partial class GuardDetectors : IDisposable
{
    private readonly Lazy<OnnxEmbeddingGenerator> _model;

    private GuardDetectors(bool quantized)
    {
        _model = new Lazy<OnnxEmbeddingGenerator>(() => EmbeddingModels.ArcticXs(quantized), LazyThreadSafetyMode.ExecutionAndPublication);
        Embedder = new LazyEmbedder(_model);

        // replaced at merge by the real PiiDetector/InjectionDetector:
        //   Pii = new PiiDetector();
        //   Injection = new InjectionDetector(Embedder, <its options>);   (the lazily loaded arctic-embed-xs above)
        // and the two Placeholder classes below deleted.
        Pii = new PlaceholderPiiDetector();
        Injection = new PlaceholderInjectionDetector();
    }

    /// <summary>Gets the PII detector.</summary>
    public IPiiDetector Pii { get; }

    /// <summary>Gets the prompt-injection detector.</summary>
    public IInjectionDetector Injection { get; }

    /// <summary>Gets the local embedding model (loaded on first use).</summary>
    public IEmbeddingGenerator<string, Embedding<float>> Embedder { get; }

    /// <summary>Creates the detectors; <paramref name="quantized"/> picks the int8 embedding model (the default) over the float one.</summary>
    public static GuardDetectors Create(bool quantized = true) => new(quantized);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_model.IsValueCreated)
        {
            _model.Value.Dispose();
        }
    }

    private sealed class LazyEmbedder(Lazy<OnnxEmbeddingGenerator> model) : IEmbeddingGenerator<string, Embedding<float>>
    {
        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
            model.Value.GenerateAsync(values, options, cancellationToken);

        public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

        public void Dispose()
        {
            // The model belongs to GuardDetectors.
        }
    }

    // replaced at merge by the real PiiDetector: emails, card numbers (Luhn) and phone numbers only, so that the gateway's
    // end-to-end tests can run in this branch.
    private sealed partial class PlaceholderPiiDetector : IPiiDetector
    {
        public IReadOnlyList<PiiEntity> Detect(string text)
        {
            var found = new List<PiiEntity>();
            foreach (Match m in Email().Matches(text))
            {
                found.Add(new PiiEntity(m.Index, m.Length, PiiTypes.Email, 0.99));
            }

            foreach (Match m in Card().Matches(text))
            {
                if (Luhn(m.Value))
                {
                    found.Add(new PiiEntity(m.Index, m.Length, PiiTypes.CreditCard, 0.95));
                }
            }

            foreach (Match m in Phone().Matches(text))
            {
                found.Add(new PiiEntity(m.Index, m.Length, PiiTypes.Phone, 0.8));
            }

            // Ordered, not overlapping: the first (earliest, then longest) wins.
            var result = new List<PiiEntity>();
            foreach (var entity in found.OrderBy(e => e.Start).ThenByDescending(e => e.Length))
            {
                if (result.Count == 0 || entity.Start >= result[^1].End)
                {
                    result.Add(entity);
                }
            }

            return result;
        }

        private static bool Luhn(string number)
        {
            var digits = number.Where(char.IsAsciiDigit).Select(c => c - '0').Reverse().ToList();
            return digits.Count is >= 13 and <= 19 && digits.Select((d, i) => i % 2 == 1 ? (d * 2 > 9 ? (d * 2) - 9 : d * 2) : d).Sum() % 10 == 0;
        }

        [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
        private static partial Regex Email();

        [GeneratedRegex(@"\b\d(?:[ -]?\d){12,18}\b")]
        private static partial Regex Card();

        [GeneratedRegex(@"(?<![\w+])(?:\+\d{1,3}[ .-]?)?(?:\(\d{3}\)|\d{3})[ .-]?\d{3}[ .-]?\d{4}\b")]
        private static partial Regex Phone();
    }

    // replaced at merge by the real InjectionDetector: a few phrases of the classic injections, so that the gateway's
    // end-to-end tests can run in this branch.
    private sealed partial class PlaceholderInjectionDetector : IInjectionDetector
    {
        public ValueTask<InjectionVerdict> CheckAsync(string text, CancellationToken cancellationToken = default)
        {
            var match = Phrases().Match(text);
            return ValueTask.FromResult(match.Success
                ? new InjectionVerdict(true, 1.0, "heuristic: instruction override", [new GuardSpan(match.Index, match.Length, "injection")])
                : new InjectionVerdict(false, 0.0, "no heuristic fired", []));
        }

        public async ValueTask<IReadOnlyList<InjectionVerdict>> CheckAllAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
        {
            var verdicts = new List<InjectionVerdict>(texts.Count);
            foreach (var text in texts)
            {
                verdicts.Add(await CheckAsync(text, cancellationToken).ConfigureAwait(false));
            }

            return verdicts;
        }

        [GeneratedRegex(@"\b(?:ignore|disregard|forget)\s+(?:all\s+|any\s+)?(?:the\s+|your\s+)?(?:previous|prior|above|earlier)\s+(?:instructions|prompts|rules)|\b(?:print|reveal|show|repeat)\s+(?:me\s+)?(?:your|the)\s+(?:system\s+prompt|instructions)", RegexOptions.IgnoreCase)]
        private static partial Regex Phrases();
    }
}
