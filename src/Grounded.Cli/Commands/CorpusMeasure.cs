using Grounded.Gateway.Tokens;
using Grounded.Rag.Ingest;

namespace Grounded.Cli.Commands;

/// <summary>What reading a corpus found: its files, those that could not be read, and the words and tokens of the rest by script.</summary>
internal sealed record CorpusMeasurement(int Files, IReadOnlyList<IngestFailure> Skipped, ScriptTally Tally)
{
    /// <summary>Gets the files read: those with text.</summary>
    public int Documents => Files - Skipped.Count;

    /// <summary>Measures the files ingest would read under <paramref name="paths"/>: each document's text is tallied whole, or not at all when it cannot be read to the end.</summary>
    public static async Task<CorpusMeasurement> RunAsync(IReadOnlyList<string> paths, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        var reader = new CorpusReader();
        var files = reader.Find(paths);
        var skipped = new List<IngestFailure>();
        var total = new ScriptTally();
        for (var i = 0; i < files.Count; i++)
        {
            progress?.Report(new IngestProgress(i, files.Count, files[i].Source));
            var document = new ScriptTally();
            if (await reader.ReadAsync(files[i], document.Add, cancellationToken).ConfigureAwait(false) is { } reason)
            {
                skipped.Add(new IngestFailure(files[i].Source, reason));
                continue;
            }

            total.Add(document);
        }

        progress?.Report(new IngestProgress(files.Count, files.Count, null));
        return new CorpusMeasurement(files.Count, skipped, total);
    }
}
