using Grounded.Access;
using Grounded.Guards.Injection;
using Grounded.Guards.Pii;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Guard;

/// <summary>What the guards need from their host: the detectors, the local embedding model (topics), and where audit lines go.</summary>
/// <param name="Pii">Finds personal data.</param>
/// <param name="Injection">Tells prompt injections.</param>
/// <param name="Embedder">Embeds topic examples and requests (the local model); null: a topic policy cannot be used.</param>
public sealed record GuardDependencies(IPiiDetector Pii, IInjectionDetector Injection, IEmbeddingGenerator<string, Embedding<float>>? Embedder)
{
    /// <summary>Gets where audit lines of decisions that acted go (queued: it must not block); null writes none.</summary>
    public Action<AuditEntry>? Audit { get; init; }

    /// <summary>Gets the clock of audit lines.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
