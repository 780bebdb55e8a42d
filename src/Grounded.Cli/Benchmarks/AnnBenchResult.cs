using System.Text.Json.Serialization;

namespace Grounded.Cli.Benchmarks;

/// <summary>What <c>grounded bench ann</c> reports: one build and both searches, measured in one run.</summary>
internal sealed record AnnBenchResult(
    int Count, int Dim, string Backend, double BuildSeconds, AnnBenchResult.Leg Exact, AnnBenchResult.AnnLeg Ann, double BytesPerVector, AnnBenchResult.Settings Parameters)
{
    internal sealed record Leg(double Qps, double P50Ms, double P99Ms, int Queries);

    internal sealed record AnnLeg(double Qps, double P50Ms, double P99Ms, int Queries, [property: JsonPropertyName("recall@10")] double Recall);

    internal sealed record Settings(int M, int EfConstruction, int EfSearch, string Quantization, int Threads, int Seed);
}
