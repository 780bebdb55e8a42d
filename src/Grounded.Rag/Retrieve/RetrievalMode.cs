namespace Grounded.Rag.Retrieve;

/// <summary>Which retrieval legs answer a query.</summary>
public enum RetrievalMode
{
    /// <summary>Both legs, run concurrently and fused (the default).</summary>
    Hybrid,

    /// <summary>Embedding similarity only.</summary>
    Dense,

    /// <summary>BM25 over the chunks' words only.</summary>
    Keyword,
}
