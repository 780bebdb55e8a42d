namespace Grounded.Rag.Embed;

/// <summary>What a store and a retriever must know about an embedding model: who it is and how to use it.</summary>
/// <param name="ModelId">The identifier recorded in stores; a store built with another id cannot be searched with this model.</param>
/// <param name="Dimensions">The length of the model's vectors.</param>
/// <param name="QueryPrefix">The instruction the model expects in front of search queries (not in front of passages).</param>
/// <param name="MaxTokens">The longest input, in the model's own tokens, including special tokens.</param>
/// <param name="Pooling">How the model's token states become one vector.</param>
public sealed record EmbeddingModelProfile(string ModelId, int Dimensions, string QueryPrefix, int MaxTokens, EmbeddingPooling Pooling = EmbeddingPooling.Cls);

/// <summary>How a BERT-style model's token states become one vector (as the model was trained).</summary>
public enum EmbeddingPooling
{
    /// <summary>The first ([CLS]) token's state (arctic-embed, bge).</summary>
    Cls,

    /// <summary>The mean of the real (unpadded) tokens' states (sentence-transformers' all-MiniLM models).</summary>
    Mean,
}
