namespace Grounded.Rag.Chunking;

/// <summary>How documents are cut into chunks.</summary>
public sealed record ChunkingOptions
{
    /// <summary>Gets the largest chunk, in tokens of the chunking tokenizer.</summary>
    /// <value>The default is 512.</value>
    public int ChunkTokens { get; init; } = 512;

    /// <summary>Gets how many tokens of whole sentences a chunk repeats from the end of the previous one.</summary>
    /// <value>The default is 64.</value>
    public int OverlapTokens { get; init; } = 64;

    /// <summary>Returns every problem with the options, or nothing when they are valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (ChunkTokens is < 16 or > 8192)
        {
            yield return $"--chunk-tokens must be between 16 and 8192 (got {ChunkTokens})";
        }

        if (OverlapTokens < 0 || OverlapTokens >= ChunkTokens)
        {
            yield return $"--overlap must be at least 0 and less than --chunk-tokens (got {OverlapTokens} with {ChunkTokens})";
        }
    }
}
