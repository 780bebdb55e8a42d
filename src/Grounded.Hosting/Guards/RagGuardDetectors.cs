using System.Text.RegularExpressions;
using Grounded.Guards;
using Grounded.Guards.Injection;
using Grounded.Guards.Pii;

namespace Grounded.Hosting.Guards;

/// <summary>
/// The one place the RAG side (the guard on retrieved chunks, <c>grounded ingest --pii</c>, uploads) gets its PII and
/// injection detectors from, so the composition root and the CLI share them.
/// </summary>
public static partial class RagGuardDetectors
{
    // replaced at merge by the real detectors (Grounded.Guards.Pii.PiiDetector, Grounded.Guards.Injection.InjectionDetector)
    private static readonly Lazy<IPiiDetector> PiiDetector = new(() => new PlaceholderPiiDetector());
    private static readonly Lazy<IInjectionDetector> InjectionDetector = new(() => new PlaceholderInjectionDetector());

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

    // PLACEHOLDER, replaced at merge by the real detectors: email addresses only.
    private sealed class PlaceholderPiiDetector : IPiiDetector
    {
        public IReadOnlyList<PiiEntity> Detect(string text) =>
            [.. Email().Matches(text ?? string.Empty).Select(m => new PiiEntity(m.Index, m.Length, PiiTypes.Email, 1))];
    }

    // PLACEHOLDER, replaced at merge by the real detectors: a few phrases of instruction override.
    private sealed class PlaceholderInjectionDetector : IInjectionDetector
    {
        public ValueTask<InjectionVerdict> CheckAsync(string text, CancellationToken cancellationToken = default)
        {
            var match = Override().Match(text ?? string.Empty);
            return ValueTask.FromResult(match.Success
                ? new InjectionVerdict(true, 1, "heuristic: instruction override", [new GuardSpan(match.Index, match.Length, "injection")])
                : new InjectionVerdict(false, 0, "no override phrase", []));
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
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex(@"\b(ignore|disregard|forget)\s+(all\s+|any\s+)?(the\s+)?(previous|prior|above|earlier)\s+(instructions|prompts|rules)\b|\byou are now\b|\bsystem prompt\b", RegexOptions.IgnoreCase)]
    private static partial Regex Override();
}
