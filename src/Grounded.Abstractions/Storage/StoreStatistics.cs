namespace Grounded.Storage;

/// <summary>The size of a store.</summary>
public sealed record StoreStatistics(int Documents, int Chunks, string EmbeddingModel, int Dimensions);
