using Grounded.Rag.Index.Ann;

namespace Grounded.Cli.Benchmarks;

/// <summary>What one <c>bench ann</c> run builds and asks: sizes, seed and index parameters.</summary>
internal sealed record AnnBenchPlan(int Count, int Dimensions, int Queries, int Seed, AnnOptions Ann)
{
    /// <summary>Makes the vectors and the queries (fresh points from the same clusters) from the seed.</summary>
    public Data Generate()
    {
        var source = new SyntheticVectors(Dimensions, Math.Max(16, Count / 1_000), Seed);
        var vectors = source.Next(Count);
        return new Data(Dimensions, vectors, source.Next(Queries));
    }

    public AnnBenchResult.Settings Settings() => new(Ann.Connectivity, Ann.ExpansionAdd, Ann.ExpansionSearch,
        Ann.Quantization.ToString().ToLowerInvariant(), Ann.BuildThreads, Seed);

    internal sealed record Data(int Dimensions, float[] Vectors, float[] Queries)
    {
        public ReadOnlySpan<float> Query(int q) => Queries.AsSpan(q * Dimensions, Dimensions);

        public ReadOnlyMemory<float> QueryMemory(int q) => Queries.AsMemory(q * Dimensions, Dimensions);
    }
}
