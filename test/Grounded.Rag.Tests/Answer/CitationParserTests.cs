using Grounded.Chunks;
using Grounded.Rag.Answer;

namespace Grounded.Rag.Tests.Answer;

public sealed class CitationParserTests
{
    private static readonly IReadOnlyList<ScoredChunk> TwoSources =
    [
        new(new StoredChunk("tides-0", "tides", "tides.txt", new Chunk(0, "The Moon pulls the oceans.", 0, 26, "", 6)), 0.9),
        new(new StoredChunk("bread-0", "bread", "bread.md", new Chunk(0, "Yeast makes dough rise.", 0, 23, "", 5)), 0.7),
    ];

    [Fact]
    public void MarkersNamingRealSourcesBecomeCitationsInNumberOrder()
    {
        var (text, citations) = CitationParser.Parse("Dough rises with yeast [2]. Tides follow the Moon [1].", TwoSources);

        Assert.Equal("Dough rises with yeast [2]. Tides follow the Moon [1].", text);
        Assert.Equal([1, 2], citations.Select(c => c.N));
        Assert.Equal("tides.txt", citations[0].Source);
        Assert.Equal("tides-0", citations[0].ChunkId);
        Assert.Equal("Yeast makes dough rise.", citations[1].Text);
        Assert.Equal(0.7, citations[1].Score);
    }

    [Fact]
    public void MarkersNamingNoSourceAreRemovedFromTheText()
    {
        var (text, citations) = CitationParser.Parse("Tides follow the Moon [1]. The sea is salty [7]. Zero is not a source [0].", TwoSources);

        Assert.Equal("Tides follow the Moon [1]. The sea is salty. Zero is not a source.", text);
        Assert.Equal([1], citations.Select(c => c.N));
    }

    [Fact]
    public void ListsAndSourceSpelledOutAreReadAndWrittenBackAsSingleMarkers()
    {
        var (text, citations) = CitationParser.Parse("Both matter [1, 2, 5]. See [Source 2].", TwoSources);

        Assert.Equal("Both matter [1][2]. See [2].", text);
        Assert.Equal([1, 2], citations.Select(c => c.N));
    }

    [Fact]
    public void AnAnswerWithoutMarkersHasNoCitations()
    {
        var (text, citations) = CitationParser.Parse("Tides follow the Moon.", TwoSources);

        Assert.Equal("Tides follow the Moon.", text);
        Assert.Empty(citations);
    }

    [Fact]
    public void WithoutEvidenceEveryMarkerIsDropped()
    {
        var (text, citations) = CitationParser.Parse("Tides follow the Moon [1].", []);

        Assert.Equal("Tides follow the Moon.", text);
        Assert.Empty(citations);
    }
}
