using Grounded.Access;
using Grounded.Documents;
using Grounded.Hosting;
using Grounded.Rag.Ingest;
using Grounded.Server.Errors;
using Grounded.Server.Requests;
using Microsoft.AspNetCore.Http.Features;

namespace Grounded.Server.Endpoints;

/// <summary><c>/v1/documents</c>: upload (multipart → ingest), list and delete the store's documents.</summary>
internal static class DocumentsApi
{
    public static IEndpointRouteBuilder MapDocuments(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/documents").WithTags("Documents").WithMetadata(ProblemErrors.Instance);
        group.MapPost("/", UploadAsync).WithSummary("Upload documents (multipart/form-data; an optional 'groups' field, comma-separated) into the caller's tenant")
            .DisableAntiforgery().ProducesProblem(400).ProducesProblem(403).ProducesProblem(413).ProducesProblem(422).RequireRole(Role.Writer);
        group.MapGet("/", ListAsync).WithSummary("List the documents the caller may see");
        group.MapDelete("/{id}", DeleteAsync).WithSummary("Remove a document of the caller's tenant").ProducesProblem(403).ProducesProblem(404).RequireRole(Role.Writer);
        return app;
    }

    private static async Task<IResult> UploadAsync(HttpContext http, GroundedStack stack, DocumentLibrary library)
    {
        var caller = http.Caller();
        var limit = stack.Options.Gateway.MaxUploadBytes;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit; // the chat routes' smaller limit does not apply to documents
        }

        if (http.Request.ContentLength > limit)
        {
            return TooLarge(limit);
        }

        if (!http.Request.HasFormContentType)
        {
            return Problem(400, "send the documents as multipart/form-data, one file per part (curl -F file=@notes.md)");
        }

        IFormFileCollection files;
        IReadOnlyList<string> groups;
        try
        {
            var form = await http.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = limit }, http.RequestAborted);
            files = form.Files;
            groups = [.. form["groups"].SelectMany(g => (g ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is InvalidDataException || (e is BadHttpRequestException b && b.StatusCode == 413)
                                  || (e is IOException && !http.RequestAborted.IsCancellationRequested)) // a body that is not multipart at all
        {
            return e is BadHttpRequestException || e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
                ? TooLarge(limit) : Problem(400, $"the multipart body cannot be read: {e.Message}");
        }

        if (groups.Select(g => Tenants.Problem(g, "group")).OfType<string>().FirstOrDefault() is { } badGroup)
        {
            return Problem(400, badGroup);
        }

        if (caller.Groups is { } own && groups.FirstOrDefault(g => !own.Contains(g, StringComparer.Ordinal)) is { } foreign)
        {
            return Problem(403, $"this API key is not in the group '{foreign}', so it cannot give a document to it");
        }

        if (files.Count == 0)
        {
            return Problem(400, "no file in the request: send at least one file part (curl -F file=@notes.md)");
        }

        var names = new List<string>();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file.FileName.Replace('\\', '/'));
            if (name.Length == 0 || name.StartsWith('.'))
            {
                return Problem(400, $"'{file.FileName}' is not a usable file name");
            }

            if (DocumentReaders.Default.For(name) is null)
            {
                return Problem(400, $"unsupported file type '{Path.GetExtension(name)}' in {name} (supported: {string.Join(", ", DocumentReaders.Default.Extensions.Order())})");
            }

            names.Add(name);
        }

        var uploaded = new List<DocumentLibrary.Uploaded>();
        for (var i = 0; i < files.Count; i++)
        {
            await using var content = files[i].OpenReadStream();
            uploaded.Add(await library.AddAsync(names[i], content, caller, groups, http.RequestAborted)); // an unreadable file is a 422 (DocumentReadException)
        }

        return Results.Ok(new { documents = uploaded });
    }

    private static async Task<IResult> ListAsync(HttpContext http, DocumentLibrary library, CancellationToken ct)
    {
        var documents = await library.ListAsync(http.Caller(), ct);
        return Results.Ok(new { data = documents.OrderBy(d => d.Source, StringComparer.Ordinal).Select(Describe) });
    }

    private static async Task<IResult> DeleteAsync(string id, HttpContext http, DocumentLibrary library, AuditTrail audit, CancellationToken ct)
    {
        var caller = http.Caller();
        if (await library.DeleteAsync(id, caller, ct) is not { } deleted)
        {
            return Problem(404, $"no document with id '{id}' (GET /v1/documents lists them)");
        }

        await audit.RecordAsync(http, "document.deleted", id, deleted.Source);
        return Results.NoContent();
    }

    private static object Describe(DocumentInfo d) => new { id = d.Id, source = d.Source, chunks = d.ChunkCount, ingestedAt = d.IngestedAt, groups = d.Groups };

    private static IResult TooLarge(long limit) => Problem(413, $"the upload is larger than the limit of {limit} bytes (server.maxUploadBytes)");

    private static IResult Problem(int status, string detail) => Results.Problem(detail: detail, statusCode: status);
}
