using Grounded.Documents;
using Grounded.Hosting;
using Grounded.Rag;
using Grounded.Rag.Index;
using Grounded.Rag.Ingest;

namespace Grounded.Server;

/// <summary>
/// The documents clients upload, ingested into the store one at a time, so that uploads never race each other on the
/// embedded store's single writer. A store in a directory on this machine keeps each uploaded file in
/// <c>STORE/uploads/</c> (its source is the file name); a shared store (PostgreSQL) keeps only the text, so a file is
/// staged in a temporary folder and recorded as <c>upload:NAME</c>, the same document on every server.
/// </summary>
internal sealed class DocumentLibrary(GroundedStack stack) : IDisposable
{
    private const string SharedPrefix = "upload:";
    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <summary>The outcome of one uploaded file.</summary>
    public sealed record Uploaded(string Id, string Source, int Chunks, string Status);

    /// <summary>Saves the file under its name and ingests it; a file whose text cannot be read leaves the store as it was.</summary>
    public async Task<Uploaded> AddAsync(string fileName, Stream content, CancellationToken cancellationToken)
    {
        var rag = await stack.GetRagAsync(cancellationToken).ConfigureAwait(false);
        var local = LocalUploads(rag);
        var folder = local ?? Directory.CreateTempSubdirectory("grounded-upload-").FullName;
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, fileName);
        var part = $"{path}.{Guid.NewGuid():N}.part"; // one per upload: two uploads of the same name never share it
        try
        {
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
                return await IngestAsync(rag, fileName, path, part, local is null, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _writer.Release();
                File.Delete(part);
            }
        }
        finally
        {
            if (local is null)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    public async Task<IReadOnlyList<DocumentInfo>> ListAsync(CancellationToken cancellationToken) =>
        await (await stack.GetRagAsync(cancellationToken).ConfigureAwait(false)).Store.ListDocumentsAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Removes a document from the store (and its uploaded file, if it was uploaded); false when the id is unknown.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var rag = await stack.GetRagAsync(cancellationToken).ConfigureAwait(false);
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var document = await rag.Store.GetDocumentAsync(id, cancellationToken).ConfigureAwait(false);
            if (document is null || !await rag.Store.DeleteDocumentAsync(id, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            if (LocalUploads(rag) is { } uploads && document.FullPath.StartsWith(uploads + Path.DirectorySeparatorChar, StringComparison.Ordinal))
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

    // The uploads folder of a store that lives in a directory here; null for a store elsewhere.
    private static string? LocalUploads(LocalRag rag) =>
        StoreLocation.LocalDirectory(rag.Store.Location) is { } directory ? Path.Combine(directory, "uploads") : null;

    private static async Task<Uploaded> IngestAsync(LocalRag rag, string fileName, string path, string part, bool shared, CancellationToken cancellationToken)
    {
        var previous = File.Exists(path) ? path + ".previous" : null;
        if (previous is not null)
        {
            File.Move(path, previous, overwrite: true);
        }

        File.Move(part, path);
        var options = new IngestOptions
        {
            SourceBase = Path.GetDirectoryName(path),
            StoredPath = shared ? _ => SharedPrefix + fileName : null,
        };
        IngestReport report;
        try
        {
            report = await rag.Ingestion().IngestAsync([path], options, cancellationToken: cancellationToken).ConfigureAwait(false);
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

        var recorded = shared ? SharedPrefix + fileName : path;
        var stored = (await rag.Store.ListDocumentsAsync(cancellationToken).ConfigureAwait(false)).First(d => d.FullPath == recorded);
        var status = report.Added > 0 ? "added" : report.Updated > 0 ? "updated" : "unchanged";
        return new Uploaded(stored.Id, stored.Source, stored.ChunkCount, status);
    }

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
