using Grounded.Guards.Injection;
using Grounded.Guards.Pii;

namespace Grounded.Hosting.Guards;

/// <summary>
/// The one place the RAG side (the guard on retrieved chunks, <c>grounded ingest --pii</c>, uploads) gets its PII and
/// injection detectors from, so the composition root and the CLI share them.
/// </summary>
public static class RagGuardDetectors
{
    // Created on first use, once: reading the config loads nothing. The injection classifier embeds with its own int8
    // arctic-embed-xs (the model it was trained on), loaded on the first check.
    private static readonly Lazy<IPiiDetector> PiiDetector = new(() => new PiiDetector());
    // Retrieved chunks are judged at the strict threshold (about 1% false positives): a false alarm drops good evidence,
    // and no benign document chunk of the probe reached it (docs/benchmarks.md).
    private static readonly Lazy<IInjectionDetector> InjectionDetector = new(() =>
        new InjectionDetector(new GuardEmbedder(stackIsInt8: false), new InjectionDetectorOptions { Threshold = Grounded.Guards.Injection.InjectionDetector.StrictThreshold }));

    /// <summary>Gets the PII detector; the real one is created on first use, once (reading the config creates nothing).</summary>
    public static IPiiDetector Pii { get; } = new LazyPii();

    /// <summary>Gets the injection detector; the real one is created on first use, once.</summary>
    public static IInjectionDetector Injection { get; } = new LazyInjection();

    private sealed class LazyPii : IPiiDetector
    {
        public IReadOnlyList<PiiEntity> Detect(string text) => PiiDetector.Value.Detect(text);
    }

    private sealed class LazyInjection : IInjectionDetector
    {
        public ValueTask<InjectionVerdict> CheckAsync(string text, CancellationToken cancellationToken = default) => InjectionDetector.Value.CheckAsync(text, cancellationToken);

        public ValueTask<IReadOnlyList<InjectionVerdict>> CheckAllAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
            InjectionDetector.Value.CheckAllAsync(texts, cancellationToken);
    }
}
