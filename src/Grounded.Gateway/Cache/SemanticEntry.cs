namespace Grounded.Gateway.Cache;

/// <summary>A semantic cache entry as a lookup sees it: the cached request's normalised text, its similarity to the new one, and the answer.</summary>
/// <param name="Text">The cached request's normalised text.</param>
/// <param name="Cosine">The cosine similarity of the two texts' embeddings.</param>
/// <param name="Answer">The cached answer.</param>
public sealed record SemanticEntry(string Text, double Cosine, CachedAnswer Answer);
