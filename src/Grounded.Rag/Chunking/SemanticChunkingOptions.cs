namespace Grounded.Rag.Chunking;

/// <summary>Where the semantic chunker may break.</summary>
public sealed record SemanticChunkingOptions
{
    /// <summary>Gets the percentile of a document's adjacent-sentence similarities below which a break is allowed.</summary>
    /// <value>The default is 10: the lowest tenth of the similarities are topic shifts.</value>
    public int BreakPercentile { get; init; } = 10;

    /// <summary>Gets the smallest chunk, in tokens, that a similarity drop may close (the budget always closes one).</summary>
    /// <value>The default is 64.</value>
    public int MinTokens { get; init; } = 64;

    /// <summary>Gets how many sentences are compared at once; a longer document gets a threshold per window.</summary>
    /// <value>The default is 512.</value>
    public int WindowSentences { get; init; } = 512;
}
