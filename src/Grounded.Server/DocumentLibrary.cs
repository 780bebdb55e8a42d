using Grounded.Access;
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
/// staged in a temporary folder and recorded as <c>upload:NAME</c>, the same document on every server. A tenant other than
/// the default one keeps its files in <c>STORE/uploads/.tenants/TENANT/</c> (<c>upload:TENANT/NAME</c>), so two tenants'
/// files of one name are two documents.
/// </summary>
internal sealed class DocumentLibrary(GroundedStack stack) : IDisposable
{
    private const string SharedPrefix = "upload:";
    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <summary>The outcome of one uploaded file.</summary>
    public sealed record Uploaded(string Id, string Source, int Chunks, string Status);

    /// <summary>Saves the file under its name and ingests it; a file whose text cannot be read leaves the store as it was.</summary>
    public async Task<Uploaded> AddAsync(string fileName, Stream content, CallerIdentity caller, IReadOnlyList<string> groups, CancellationToken cancellationToken)
    {
        var rag = await stack.GetRagAsync(cancellationToken).ConfigureAwait(false);
        var local = LocalUploads(rag, caller.Tenant);
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
                await RefuseHiddenAsync(rag, caller, local is null ? SharedName(caller.Tenant, fileName) : path, fileName, cancellationToken).ConfigureAwait(false);
                return await IngestAsync(rag, new Upload(fileName, path, part, local is null, caller.Tenant, groups), cancellationToken).ConfigureAwait(false);
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

    /// <summary>Lists the documents <paramref name="caller"/> may see.</summary>
    public async Task<IReadOnlyList<DocumentInfo>> ListAsync(CallerIdentity caller, CancellationToken cancellationToken) =>
        await (await stack.GetRagAsync(cancellationToken).ConfigureAwait(false)).Store.ListDocumentsAsync(caller.Scope(null), cancellationToken).ConfigureAwait(false);

    /// <summary>Removes a document <paramref name="caller"/> may see from the store (and its uploaded file, if it was uploaded); null when there is none with that id.</summary>
    public async Task<DocumentInfo?> DeleteAsync(string id, CallerIdentity caller, CancellationToken cancellationToken)
    {
        var rag = await stack.GetRagAsync(cancellationToken).ConfigureAwait(false);
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var document = await rag.Store.GetDocumentAsync(id, cancellationToken).ConfigureAwait(false);
            if (document is null || !caller.Scope(null).Matches(document) || !await rag.Store.DeleteDocumentAsync(id, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            if (LocalUploads(rag, document.Tenant) is { } uploads && document.FullPath.StartsWith(uploads + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                File.Delete(document.FullPath);
            }

            return document;
        }
        finally
        {
            _writer.Release();
        }
    }

    public void Dispose() => _writer.Dispose();

    // The tenant's uploads folder in a store that lives in a directory here; null for a store elsewhere.
    private static string? LocalUploads(LocalRag rag, string tenant) =>
        StoreLocation.LocalDirectory(rag.Store.Location) is { } directory
            ? tenant == Tenants.Default ? Path.Combine(directory, "uploads") : Path.Combine(directory, "uploads", ".tenants", tenant)
            : null;

    private static string SharedName(string tenant, string fileName) => tenant == Tenants.Default ? SharedPrefix + fileName : $"{SharedPrefix}{tenant}/{fileName}";

    // An upload replaces the tenant's document of that name: not one the caller may not see (given to groups it is not in).
    private static async Task RefuseHiddenAsync(LocalRag rag, CallerIdentity caller, string recorded, string fileName, CancellationToken cancellationToken)
    {
        if (caller.Groups is null)
        {
            return;
        }

        var existing = await rag.Store.GetDocumentAsync(IngestionPipeline.DocumentId(recorded, caller.Tenant), cancellationToken).ConfigureAwait(false);
        if (existing is not null && !caller.Scope(null).Matches(existing))
        {
            throw new DocumentConflictException($"a document named '{fileName}' exists that this API key cannot see, so it cannot replace it; upload under another name");
        }
    }

    private sealed record Upload(string FileName, string Path, string Part, bool Shared, string Tenant, IReadOnlyList<string> Groups);

    private static async Task<Uploaded> IngestAsync(LocalRag rag, Upload upload, CancellationToken cancellationToken)
    {
        var (fileName, path, part, shared) = (upload.FileName, upload.Path, upload.Part, upload.Shared);
        var previous = File.Exists(path) ? path + ".previous" : null;
        if (previous is not null)
        {
            File.Move(path, previous, overwrite: true);
        }

        File.Move(part, path);
        var options = new IngestOptions
        {
            SourceBase = Path.GetDirectoryName(path),
            StoredPath = shared ? _ => SharedName(upload.Tenant, fileName) : null,
            Tenant = upload.Tenant,
            Groups = upload.Groups,
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

        var recorded = shared ? SharedName(upload.Tenant, fileName) : path;
        var stored = await rag.Store.GetDocumentAsync(IngestionPipeline.DocumentId(recorded, upload.Tenant), cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"{fileName} was ingested but its document is not in the store");
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
