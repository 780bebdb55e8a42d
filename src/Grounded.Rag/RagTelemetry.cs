using System.Diagnostics;

namespace Grounded.Rag;

/// <summary>The RAG core's trace source: the guard on retrieved chunks and the grounding check record their decisions here (counts and ids, never text).</summary>
public static class RagTelemetry
{
    /// <summary>The name of the ActivitySource.</summary>
    public const string SourceName = "Grounded.Rag";

    /// <summary>Gets the ActivitySource.</summary>
    public static ActivitySource Source { get; } = new(SourceName);
}
