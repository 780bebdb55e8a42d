namespace Grounded.Rag.Ingest;

/// <summary>
/// Reads files and folders as text the way ingest does — the same walk (folders recursively, hidden entries and
/// formats no reader handles left out) and the same readers — without chunking or storing anything: to measure a
/// corpus before it is ingested.
/// </summary>
public sealed class CorpusReader
{
    private readonly DocumentReaders _readers;

    /// <summary>Creates a reader over <paramref name="readers"/>; null means ingest's own (<see cref="DocumentReaders.Default"/>).</summary>
    public CorpusReader(DocumentReaders? readers = null) => _readers = readers ?? DocumentReaders.Default;

    /// <summary>Returns the files ingest would read under <paramref name="paths"/>, in its order; throws <see cref="FileNotFoundException"/> when a path does not exist.</summary>
    public IReadOnlyList<CorpusFile> Find(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var path in paths)
        {
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                throw new FileNotFoundException($"no such file or folder: {path}", path);
            }
        }

        return [.. paths.SelectMany(p => FileWalker.Walk(p, _readers, sourceBase: null)).DistinctBy(f => f.FullPath).Select(f => new CorpusFile(f.FullPath, f.Source))];
    }

    /// <summary>
    /// Reads a file's text, one block (a paragraph, a section, a message) at a time, into <paramref name="onText"/>.
    /// Returns null when the file was read, else why it could not be, in ingest's words (an empty file, binary content,
    /// a damaged PDF, no text found); what was read before a failure has then been passed on already.
    /// </summary>
    public async Task<string?> ReadAsync(CorpusFile file, Action<string> onText, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(onText);
        try
        {
            var reader = _readers.For(file.FullPath);
            if (reader is null)
            {
                return $"unsupported file type '{Path.GetExtension(file.FullPath)}'";
            }

            if (await IngestionPipeline.IsEmptyFileAsync(file.FullPath, cancellationToken).ConfigureAwait(false))
            {
                return "empty file";
            }

            var any = false;
            await foreach (var block in reader.ReadAsync(file.FullPath, cancellationToken).ConfigureAwait(false))
            {
                if (!string.IsNullOrWhiteSpace(block.Text))
                {
                    any = true;
                    onText(block.Text);
                }
            }

            return any ? null : "no text found";
        }
        catch (Exception error) when (error is not OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return IngestionPipeline.Describe(error);
        }
    }
}
