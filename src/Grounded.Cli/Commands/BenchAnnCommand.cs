using System.ComponentModel;
using System.Globalization;
using Grounded.Cli.Benchmarks;
using Grounded.Cli.Output;
using Spectre.Console;

namespace Grounded.Cli.Commands;

/// <summary><c>grounded bench ann</c>: builds an HNSW index over synthetic clustered vectors and times it against the exact scan.</summary>
[Description("Measure the HNSW index against the exact scan on synthetic vectors: build time, QPS, p50/p99, recall@10, bytes per vector")]
internal sealed class BenchAnnCommand : GroundedCommand<BenchAnnSettings>
{
    protected override async Task<int> RunAsync(BenchAnnSettings settings, CancellationToken cancellationToken)
    {
        var plan = new AnnBenchPlan(settings.Count, settings.Dim, settings.Queries, settings.Seed, settings.Ann);
        var result = settings.Store is { } url
            ? await PgvectorBenchmark.RunAsync(url, plan, cancellationToken).ConfigureAwait(false)
            : await Task.Run(() => AnnBenchmark.Run(plan, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            JsonOutput.Write(result);
            return ExitCodes.Success;
        }

        var p = result.Parameters;
        CliConsole.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Backend}: {result.Count} × {result.Dim} vectors; HNSW m={p.M} ef_construction={p.EfConstruction} ef_search={p.EfSearch} {p.Quantization}"));
        CliConsole.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"built in {result.BuildSeconds:0.0} s, {result.BytesPerVector:0} bytes/vector"));
        CliConsole.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"exact  {result.Exact.Qps,9:0.0} QPS  p50 {result.Exact.P50Ms,7:0.00} ms  p99 {result.Exact.P99Ms,7:0.00} ms"));
        CliConsole.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ann    {result.Ann.Qps,9:0.0} QPS  p50 {result.Ann.P50Ms,7:0.00} ms  p99 {result.Ann.P99Ms,7:0.00} ms  recall@10 {result.Ann.Recall:0.000}"));
        CliConsole.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ann/exact QPS {result.Ann.Qps / Math.Max(result.Exact.Qps, 1e-9):0.0}×"));
        return ExitCodes.Success;
    }
}
