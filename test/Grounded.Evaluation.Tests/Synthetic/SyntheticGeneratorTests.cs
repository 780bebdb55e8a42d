using Grounded.Chunks;
using Grounded.Evaluation.Synthetic;

namespace Grounded.Evaluation.Tests.Synthetic;

public sealed class SyntheticGeneratorTests
{
    private static readonly IReadOnlyList<IReadOnlyList<StoredChunk>> Documents =
    [
        Document("docs/tides.md", "Ocean tides are caused mainly by the gravitational pull of the Moon.", "Most coasts see 2 high tides and 2 low tides every lunar day.", "A spring tide is a tide of larger range that follows a new or full moon."),
        Document("docs/bread.md", "Sourdough is a bread made with wild yeast and lactic acid bacteria.", "The dough rests for 12 hours before it is baked at 250 degrees."),
        Document("docs/moon.md", "The Moon is the only natural satellite of the Earth.", "Its distance from the Earth is about 384,400 kilometres on average."),
    ];

    [Fact]
    public async Task ItemsSpreadAcrossDocumentsAndTheirAnswersOccurInTheirSources()
    {
        var items = await new SyntheticGenerator().GenerateAsync(Documents, 3, seed: 1);

        Assert.Equal(3, items.Count);
        Assert.Equal(["bread.md", "moon.md", "tides.md"], items.Select(i => i.Sources.Single()).Order());
        foreach (var item in items)
        {
            var text = string.Join(' ', Documents.Single(d => d[0].Source.EndsWith(item.Sources[0], StringComparison.Ordinal)).Select(c => c.Chunk.Text));
            Assert.Contains(item.Answers.Single(), text, StringComparison.Ordinal);
            Assert.Equal(["synthetic", "generated:template"], item.Tags);
        }
    }

    [Fact]
    public async Task TheSameSeedDraftsTheSameItemsAndAnotherSeedAnotherOrder()
    {
        var first = await new SyntheticGenerator().GenerateAsync(Documents, 5, seed: 7);
        var again = await new SyntheticGenerator().GenerateAsync(Documents, 5, seed: 7);

        Assert.Equal(first.Select(i => i.Question), again.Select(i => i.Question));
        Assert.Equal(first.Count, first.Select(i => i.Question).Distinct().Count());
    }

    [Fact]
    public async Task AModelDraftsFirstAndTheTemplatesCoverTheChunksItFailsOn()
    {
        var generator = new SyntheticGenerator((chunk, _) => Task.FromResult(chunk.Source.Contains("moon", StringComparison.Ordinal)
            ? new DraftedQuestion("What orbits the Earth?", "The Moon", "model")
            : null));

        var items = await generator.GenerateAsync(Documents, 3, seed: 1);

        Assert.Equal(["synthetic", "generated:model"], items.Single(i => i.Sources[0] == "moon.md").Tags);
        Assert.All(items.Where(i => i.Sources[0] != "moon.md"), i => Assert.Equal("generated:template", i.Tags[1]));
    }

    [Fact]
    public async Task AskingForMoreThanTheChunksHoldGivesWhatTheyHold()
    {
        var items = await new SyntheticGenerator().GenerateAsync(Documents, 1000, seed: 1);

        Assert.InRange(items.Count, 4, 7);
    }

    private static List<StoredChunk> Document(string source, params string[] texts) =>
        [.. texts.Select((t, i) => new StoredChunk($"{source}#{i}", source, source, new Chunk(i, t, 0, t.Length, string.Empty, 20)))];
}
