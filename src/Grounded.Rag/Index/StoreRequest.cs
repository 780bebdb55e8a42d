using Grounded.Rag.Embed;
using Grounded.Rag.Index.Ann;

namespace Grounded.Rag.Index;

/// <summary>What opening a store needs.</summary>
/// <param name="Location">Where the store is: a directory, <c>sqlite:DIR</c>, a <c>postgres://</c> URL, ...</param>
/// <param name="Model">The embedding model whose vectors the store holds.</param>
/// <param name="AllowModelChange">Whether a store built with another model may be opened (only to reindex it).</param>
/// <param name="Ann">How the embedded store's HNSW index is built and used (a store with its own vector index ignores it).</param>
public sealed record StoreRequest(string Location, EmbeddingModelProfile Model, bool AllowModelChange = false, AnnOptions? Ann = null)
{
    /// <summary>Gets the clock the store stamps documents with.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
