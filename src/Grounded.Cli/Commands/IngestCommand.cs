using System.ComponentModel;
using Grounded.Cli.Output;
using Grounded.Hosting.Guards;
using Grounded.Rag.Chunking;
using Grounded.Rag.Ingest;
using Spectre.Console;

namespace Grounded.Cli.Commands;

/// <summary><c>grounded ingest PATH...</c>: indexes files; unchanged files are skipped, changed ones replaced atomically.</summary>
[Description("Index files and folders into the store (unchanged files are skipped)")]
internal sealed class IngestCommand : GroundedCommand<IngestSettings>
{
    protected override async Task<int> RunAsync(IngestSettings settings, CancellationToken cancellationToken)
    {
        foreach (var path in settings.Paths)
        {
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                throw new UserInputException($"no such file or folder: {path}");
            }
        }

        await using var stack = OpenStack(settings);
        var rag = await stack.GetRagAsync(cancellationToken).ConfigureAwait(false);
        var chunking = new ChunkingOptions { ChunkTokens = settings.ChunkTokens, OverlapTokens = settings.Overlap };
        var report = await IngestProgressBar.RunAsync("Ingesting", progress =>
            rag.Ingestion(chunking, settings.ChunkerKind).IngestAsync(settings.Paths, new IngestOptions
            {
                Prune = settings.Prune, Collection = settings.Collection ?? string.Empty, Tags = settings.Tags,
                Tenant = settings.Tenant ?? Grounded.Access.Tenants.Default, Groups = KeySettings.List(settings.Groups),
                Pii = settings.PiiMode, PiiDetector = settings.PiiMode is null ? null : RagGuardDetectors.Pii,
            }, progress, cancellationToken)).ConfigureAwait(false);
        await rag.SyncAnnIndexAsync(rebuild: false, cancellationToken).ConfigureAwait(false);

        if (settings.Json)
        {
            var summary = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["documents"] = new { added = report.Added, updated = report.Updated, unchanged = report.Unchanged, removed = report.Removed, skipped = report.Skipped, failed = report.Failed },
                ["chunks"] = report.Chunks,
                ["chunkers"] = report.DocumentsByChunker,
                ["encodings"] = report.DocumentsByEncoding,
                ["legacyEncodings"] = report.LegacyEncodings.Select(e => new { source = e.Source, encoding = e.Encoding }),
                ["failures"] = report.Failures.Select(f => new { source = f.Source, error = f.Error }),
            };
            if (settings.PiiMode is { } mode)
            {
                summary["pii"] = new
                {
                    mode = mode.ToString().ToLowerInvariant(),
                    byType = report.PiiByType,
                    documents = report.Pii.Select(d => new { source = d.Source, byType = d.ByType }),
                };
            }

            JsonOutput.Write(summary);
        }
        else
        {
            CliConsole.Out.MarkupLine($"added {report.Added}, updated {report.Updated}, unchanged {report.Unchanged}, removed {report.Removed}, failed {report.Failed}; {report.Chunks} chunks written{(report.Skipped > 0 ? $"; {report.Skipped} empty files skipped" : string.Empty)}");
            foreach (var group in report.LegacyEncodings.GroupBy(e => e.Encoding))
            {
                var count = group.Count();
                CliConsole.Out.MarkupLine($"{count} {(count == 1 ? "file" : "files")} read as {Markup.Escape(group.Key)}, not UTF-8 (--json lists them)");
            }

            if (settings.PiiMode is { } mode)
            {
                var verb = mode == Rag.Ingest.PiiIngestMode.Redact ? "redacted" : "found (indexed unchanged)";
                CliConsole.Out.MarkupLine(report.Pii.Count == 0
                    ? "personal data: none found in the documents written"
                    : $"personal data {verb}: {Markup.Escape(Counts(report.PiiByType))} in {report.Pii.Count} {(report.Pii.Count == 1 ? "document" : "documents")}");
                foreach (var document in report.Pii)
                {
                    CliConsole.Out.MarkupLine($"  {Markup.Escape(document.Source)}: {Markup.Escape(Counts(document.ByType))}");
                }
            }

            foreach (var failure in report.Failures)
            {
                CliConsole.Out.MarkupLine($"[red]failed[/] {Markup.Escape(failure.Source)}: {Markup.Escape(failure.Error)}");
            }
        }

        return report.Failed > 0 ? ExitCodes.UserError : ExitCodes.Success;
    }

    private static string Counts(IReadOnlyDictionary<string, int> byType) => string.Join(", ", byType.Select(p => $"{p.Value} {p.Key}"));
}
