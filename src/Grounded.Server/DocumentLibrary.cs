using Grounded.Documents;
using Grounded.Rag.Ingest;

namespace Grounded.Server;

/// <summary>
/// The documents clients upload: kept as files in <c>STORE/uploads/</c> (their source is the file name) and ingested
/// into the store one at a time, so that uploads never race each other on the single SQLite writer.
/// </summary>
internal sealed class DocumentLibrary(RagHost rag) : IDisposable
{
    private readonly SemaphoreSlim _writer = new(1, 1);

    public string UploadsDirectory { get; } = Path.Combine(Path.GetFullPath(rag.StoreDirectory), "uploads");

    /// <summary>The outcome of one uploaded file.</summary>
    public sealed record Uploaded(string Id, string Source, int Chunks, string Status);

    /// <summary>Saves the file under its name and ingests it; a file whose text cannot be read leaves the store as it was.</summary>
    public async Task<Uploaded> AddAsync(string fileName, Stream content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(UploadsDirectory);
        var path = Path.Combine(UploadsDirectory, fileName);
        var part = $"{path}.{Guid.NewGuid():N}.part"; // one per upload: two uploads of the same name never share it
        try
        {
            await using (var file = File.Create(part))
            {
                await content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            }

            if (await IngestionPipeline.IsEmptyFileAsync(part, cancellationToken).ConfigureAwait(false))
            {
                // Ingestion would skip it and drop the earlier upload of that name; an upload is meant to replace, not erase.
                throw new DocumentReadException($"{fileName}: the file is empty");
            }

            await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            File.Delete(part);
            throw;
        }

        try
        {
            var previous = File.Exists(path) ? path + ".previous" : null;
            if (previous is not null)
            {
                File.Move(path, previous, overwrite: true);
            }

            File.Move(part, path);
            IngestReport report;
            var local = await rag.GetAsync().ConfigureAwait(false);
            try
            {
                report = await local.Ingestion().IngestAsync([path], new IngestOptions { SourceBase = UploadsDirectory }, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                Restore(path, previous);
                throw;
            }

            if (report.Failures.Count > 0)
            {
                Restore(path, previous);
                throw new DocumentReadException($"{fileName}: {report.Failures[0].Error}");
            }

            if (previous is not null)
            {
                File.Delete(previous);
            }

            var stored = (await local.Store.ListDocumentsAsync(cancellationToken).ConfigureAwait(false)).First(d => d.FullPath == path);
            var status = report.Added > 0 ? "added" : report.Updated > 0 ? "updated" : "unchanged";
            return new Uploaded(stored.Id, stored.Source, stored.ChunkCount, status);
        }
        finally
        {
            _writer.Release();
            File.Delete(part);
        }
    }

    public async Task<IReadOnlyList<DocumentInfo>> ListAsync(CancellationToken cancellationToken) =>
        await (await rag.GetAsync().ConfigureAwait(false)).Store.ListDocumentsAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Removes a document from the store (and its uploaded file, if it was uploaded); false when the id is unknown.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var store = (await rag.GetAsync().ConfigureAwait(false)).Store;
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var document = await store.GetDocumentAsync(id, cancellationToken).ConfigureAwait(false);
            if (document is null || !await store.DeleteDocumentAsync(id, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            if (document.FullPath.StartsWith(UploadsDirectory + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                File.Delete(document.FullPath);
            }

            return true;
        }
        finally
        {
            _writer.Release();
        }
    }

    public void Dispose() => _writer.Dispose();

    private static void Restore(string path, string? previous)
    {
        if (previous is not null)
        {
            File.Move(previous, path, overwrite: true);
        }
        else
        {
            File.Delete(path);
        }
    }
}
