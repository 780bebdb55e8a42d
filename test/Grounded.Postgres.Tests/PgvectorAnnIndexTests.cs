namespace Grounded.Postgres.Tests;

public sealed class PgvectorAnnIndexTests
{
    [SkippableFact]
    public async Task FindsEachStoredVectorAsItsOwnNearestNeighbourAndDropsItsTable()
    {
        await using var database = await TestDatabase.CreateAsync();
        var random = new Random(7);
        var vectors = Enumerable.Range(0, 500).Select(_ => Normalize(Enumerable.Range(0, 32).Select(_ => (float)random.NextDouble() - 0.5f).ToArray())).ToList();

        await using (var index = await PgvectorAnnIndex.BuildAsync(database.Url, vectors, m: 16, efConstruction: 64))
        {
            Assert.True(index.BuildTime > TimeSpan.Zero);
            foreach (var i in new[] { 0, 123, 499 })
            {
                Assert.Equal(i, (await index.SearchAsync(vectors[i], 10, efSearch: 64))[0]);
            }

            Assert.Equal(10, (await index.SearchAsync(vectors[1], 10)).Distinct().Count());
            Assert.InRange(await index.BytesPerVectorAsync(), 32 * 4, 10_000);
        }
    }

    private static float[] Normalize(float[] v)
    {
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / norm).ToArray();
    }
}
