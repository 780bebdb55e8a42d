using Grounded.Rag.Chunking;

namespace Grounded.Rag.Tests.Chunking;

public sealed class ChunkingOptionsTests
{
    [Fact]
    public void DefaultsAreValid()
    {
        var options = new ChunkingOptions();

        Assert.Empty(options.Validate());
        Assert.Equal(512, options.ChunkTokens);
        Assert.Equal(64, options.OverlapTokens);
    }

    [Theory]
    [InlineData(15)]
    [InlineData(8193)]
    public void RejectsAChunkSizeOutsideItsRangeNamingTheOption(int tokens)
    {
        var problem = Assert.Single(new ChunkingOptions { ChunkTokens = tokens, OverlapTokens = 0 }.Validate());

        Assert.Equal($"the chunk size must be between 16 and 8192 tokens (got {tokens})", problem);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(128)]
    [InlineData(200)]
    public void RejectsAnOverlapThatIsNegativeOrNotSmallerThanTheChunk(int overlap)
    {
        var problem = Assert.Single(new ChunkingOptions { ChunkTokens = 128, OverlapTokens = overlap }.Validate());

        Assert.Equal($"the overlap must be at least 0 tokens and less than the chunk size (got {overlap} with 128)", problem);
    }

    [Fact]
    public void ReportsEveryProblemTogether() =>
        Assert.Equal(2, new ChunkingOptions { ChunkTokens = 8, OverlapTokens = 8 }.Validate().Count());
}
