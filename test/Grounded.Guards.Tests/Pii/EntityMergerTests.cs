using Grounded.Guards.Pii;

namespace Grounded.Guards.Tests.Pii;

public sealed class EntityMergerTests
{
    [Fact]
    public void TheHigherScoreWinsAnOverlapBetweenTypes()
    {
        List<PiiEntity> candidates = [new(10, 12, PiiTypes.Phone, 0.65), new(5, 30, PiiTypes.StreetAddress, 0.8), new(40, 5, PiiTypes.Person, 0.5)];

        Assert.Equal([new PiiEntity(5, 30, PiiTypes.StreetAddress, 0.8), new PiiEntity(40, 5, PiiTypes.Person, 0.5)], EntityMerger.Merge(candidates, 0.4));
    }

    [Fact]
    public void TheLongerSpanWinsATie() =>
        Assert.Equal([new PiiEntity(0, 10, PiiTypes.Person, 0.6)],
            EntityMerger.Merge([new(2, 4, PiiTypes.StreetAddress, 0.6), new(0, 10, PiiTypes.Person, 0.6)], 0.4));

    [Fact]
    public void OverlappingCandidatesOfOneTypeAreJoined() =>
        Assert.Equal([new PiiEntity(0, 20, PiiTypes.StreetAddress, 0.8)],
            EntityMerger.Merge([new(0, 8, PiiTypes.StreetAddress, 0.55), new(5, 15, PiiTypes.StreetAddress, 0.8)], 0.4));

    [Fact]
    public void CandidatesBelowTheMinimumScoreAreDropped() =>
        Assert.Equal([new PiiEntity(20, 5, PiiTypes.Email, 0.95)],
            EntityMerger.Merge([new(0, 5, PiiTypes.Person, 0.3), new(20, 5, PiiTypes.Email, 0.95)], 0.4));

    [Fact]
    public void TheResultIsOrderedAndNeverOverlaps()
    {
        var random = new Random(7);
        var types = PiiDetector.SupportedTypes;
        var candidates = Enumerable.Range(0, 300).Select(_ => new PiiEntity(random.Next(1000), 1 + random.Next(40), types[random.Next(types.Count)], random.NextDouble())).ToList();

        var merged = EntityMerger.Merge(candidates, 0.2);

        Assert.NotEmpty(merged);
        Assert.All(merged.Zip(merged.Skip(1)), pair => Assert.True(pair.First.End <= pair.Second.Start, $"{pair.First} overlaps {pair.Second}"));
    }
}
