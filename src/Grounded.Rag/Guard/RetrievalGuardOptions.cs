using Grounded.Guards.Injection;
using Grounded.Guards.Pii;

namespace Grounded.Rag.Guard;

/// <summary>
/// The guards on retrieved chunks (<c>guards.retrieval</c>): an injection check on every chunk, and PII redaction for
/// chunks of sensitive collections. A check runs only when its detector is set (the composition root sets them).
/// </summary>
public sealed record RetrievalGuardOptions
{
    /// <summary>Gets what happens to a chunk that looks like a prompt injection.</summary>
    /// <value>The default is <see cref="RetrievedInjectionAction.Drop"/>.</value>
    public RetrievedInjectionAction Injection { get; init; } = RetrievedInjectionAction.Drop;

    /// <summary>Gets what happens to personal data in chunks of <see cref="SensitiveCollections"/>.</summary>
    /// <value>The default is <see cref="RetrievedPiiAction.Redact"/>.</value>
    public RetrievedPiiAction Pii { get; init; } = RetrievedPiiAction.Redact;

    /// <summary>Gets the collections whose chunks are screened for personal data at retrieval time.</summary>
    /// <value>The default is none.</value>
    public IReadOnlyList<string> SensitiveCollections { get; init; } = [];

    /// <summary>Gets the injection detector; null: chunks are not checked for injections.</summary>
    public IInjectionDetector? InjectionDetector { get; init; }

    /// <summary>Gets the PII detector; null: sensitive collections are not screened.</summary>
    public IPiiDetector? PiiDetector { get; init; }

    /// <summary>Gets whether any check would run.</summary>
    public bool IsActive =>
        (InjectionDetector is not null && Injection != RetrievedInjectionAction.Off) || (PiiDetector is not null && SensitiveCollections.Count > 0);
}
