using System.ComponentModel;
using Grounded.Cli.Output;
using Grounded.Hosting;
using Grounded.Redis;
using Spectre.Console;

namespace Grounded.Cli.Commands;

/// <summary><c>grounded status</c>: shows what a store holds.</summary>
[Description("Show the store's location, embedding model and size")]
internal sealed class StatusCommand : GroundedCommand<StoreSettings>
{
    protected override async Task<int> RunAsync(StoreSettings settings, CancellationToken cancellationToken)
    {
        // Status reads the store only: loading (or first quantizing) the embedding model would be wasted start-up work.
        await using var store = await Stores.All.OpenAsync(Options(settings).Rag.StoreRequest(), cancellationToken).ConfigureAwait(false);
        var stats = await store.GetStatisticsAsync(cancellationToken).ConfigureAwait(false);
        var documents = await store.ListDocumentsAsync(cancellationToken).ConfigureAwait(false);
        var redis = await CheckRedisAsync(cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            JsonOutput.Write(new
            {
                store = store.Location, model = stats.EmbeddingModel, dimensions = stats.Dimensions, documents = stats.Documents, chunks = stats.Chunks,
                sources = documents.Select(d => new { documentId = d.Id, source = d.Source, chunks = d.ChunkCount, contentHash = d.ContentHash, ingestedAt = d.IngestedAt }),
                redis = redis is { } r ? new { healthy = r.Healthy, latencyMs = r.LatencyMs, error = r.Error } : null,
            });
            return ExitCodes.Success;
        }

        CliConsole.Out.MarkupLine($"store      {Markup.Escape(store.Location)}");
        CliConsole.Out.MarkupLine($"model      {Markup.Escape(stats.EmbeddingModel)} ({stats.Dimensions} dimensions)");
        CliConsole.Out.MarkupLine($"documents  {stats.Documents}");
        CliConsole.Out.MarkupLine($"chunks     {stats.Chunks}");
        if (redis is { } health)
        {
            CliConsole.Out.MarkupLine(health.Healthy ? $"redis      ok ({health.LatencyMs:0.##} ms)" : $"redis      [red]unreachable[/]: {Markup.Escape(health.Error ?? string.Empty)}");
        }

        return ExitCodes.Success;
    }

    /// <summary>Checks the shared Redis when <c>GROUNDED_REDIS</c> names one; null when none is configured.</summary>
    private static async Task<RedisHealth?> CheckRedisAsync(CancellationToken cancellationToken)
    {
        var options = new RedisOptions();
        if (!options.IsConfigured)
        {
            return null;
        }

        await using var redis = new RedisConnection(options);
        return await redis.CheckHealthAsync(cancellationToken).ConfigureAwait(false);
    }
}
