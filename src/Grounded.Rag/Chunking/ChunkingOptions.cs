namespace Grounded.Rag.Chunking;

/// <summary>How documents are cut into chunks.</summary>
public sealed record ChunkingOptions
{
    /// <summary>The smallest chunk size allowed, in tokens.</summary>
    public const int MinChunkTokens = 16;

    /// <summary>The largest chunk size allowed, in tokens.</summary>
    public const int MaxChunkTokens = 8192;

    /// <summary>Gets the largest chunk, in tokens of the chunking tokenizer.</summary>
    /// <value>The default is 512.</value>
    public int ChunkTokens { get; init; } = 512;

    /// <summary>Gets how many tokens of whole sentences a chunk repeats from the end of the previous one.</summary>
    /// <value>The default is 64.</value>
    public int OverlapTokens { get; init; } = 64;

    /// <summary>Returns every problem with the options, or nothing when they are valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (ChunkTokens is < MinChunkTokens or > MaxChunkTokens)
        {
            yield return $"the chunk size must be between {MinChunkTokens} and {MaxChunkTokens} tokens (got {ChunkTokens})";
        }

        if (OverlapTokens < 0 || OverlapTokens >= ChunkTokens)
        {
            yield return $"the overlap must be at least 0 tokens and less than the chunk size (got {OverlapTokens} with {ChunkTokens})";
        }
    }
}
