using Grounded.Guards.Injection;
using Grounded.Guards.Pii;
using Microsoft.Extensions.AI;

namespace Grounded.Hosting.Guards;

/// <summary>
/// Builds the guards' detectors, in this one place: the PII detector, the prompt-injection detector, and the local embedding
/// model (arctic-embed-xs, loaded on first use) that the topic policy and the injection classifier embed with. The server,
/// the CLI (<c>grounded guard check</c>) and the benchmarks all take their detectors from here.
/// </summary>
public sealed class GuardDetectors : IDisposable
{
    private readonly GuardEmbedder _embedder;

    private GuardDetectors(bool stackIsInt8)
    {
        _embedder = new GuardEmbedder(stackIsInt8);
        Pii = new PiiDetector();
        Injection = new InjectionDetector(_embedder);
    }

    /// <summary>Gets the PII detector.</summary>
    public IPiiDetector Pii { get; }

    /// <summary>Gets the prompt-injection detector (the classifier over arctic-embed-xs, with its heuristics).</summary>
    public IInjectionDetector Injection { get; }

    /// <summary>Gets the local embedding model the injection classifier was trained on (int8 arctic-embed-xs, loaded on first use).</summary>
    public IEmbeddingGenerator<string, Embedding<float>> Embedder => _embedder;

    /// <summary>Gets or sets how the stack's RAG core is reached, so the guards embed with its model when it is the same one instead of loading another.</summary>
    public Func<CancellationToken, Task<Rag.LocalRag>>? Source
    {
        get => _embedder.Source;
        set => _embedder.Source = value;
    }

    /// <summary>Creates the detectors; <paramref name="stackIsInt8"/> says whether the stack's RAG core embeds with the int8 model (the default), whose model the guards then share.</summary>
    public static GuardDetectors Create(bool stackIsInt8 = true) => new(stackIsInt8);

    /// <inheritdoc />
    public void Dispose() => _embedder.Dispose();
}
