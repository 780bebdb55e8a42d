namespace Grounded.Chunks;

/// <summary>A piece of a document small enough to embed and cite.</summary>
/// <param name="Ordinal">The chunk's position in its document, from 0.</param>
/// <param name="Text">The chunk's text.</param>
/// <param name="StartOffset">The character offset of the chunk's first character in the document's extracted text.</param>
/// <param name="EndOffset">The character offset just past the chunk's last character.</param>
/// <param name="HeadingPath">The heading path the chunk starts under, joined with " > "; empty when none.</param>
/// <param name="TokenCount">The chunk's length in tokens of the chunking tokenizer.</param>
public sealed record Chunk(int Ordinal, string Text, long StartOffset, long EndOffset, string HeadingPath, int TokenCount)
{
    /// <summary>Gets what situates the chunk in its document (its heading path), embedded and indexed with it but not quoted.</summary>
    public string Context { get; init; } = string.Empty;

    /// <summary>Gets the text the embedding model sees: the context, then the chunk's text.</summary>
    public string EmbeddingText => Context.Length == 0 ? Text : $"{Context}\n\n{Text}";

    /// <summary>Gets the SHA-256 of <see cref="EmbeddingText"/>, hex encoded: the key under which its embedding is cached.</summary>
    public string ContentHash => Hashing.Sha256Hex(EmbeddingText);
}
