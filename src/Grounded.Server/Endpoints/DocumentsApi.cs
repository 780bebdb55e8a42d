using Grounded.Documents;
using Grounded.Hosting;
using Grounded.Rag.Ingest;
using Grounded.Server.Errors;
using Microsoft.AspNetCore.Http.Features;

namespace Grounded.Server.Endpoints;

/// <summary><c>/v1/documents</c>: upload (multipart → ingest), list and delete the store's documents.</summary>
internal static class DocumentsApi
{
    public static IEndpointRouteBuilder MapDocuments(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/documents").WithTags("Documents").WithMetadata(ProblemErrors.Instance);
        group.MapPost("/", UploadAsync).WithSummary("Upload documents (multipart/form-data) and ingest them into the store")
            .DisableAntiforgery().ProducesProblem(400).ProducesProblem(413).ProducesProblem(422);
        group.MapGet("/", ListAsync).WithSummary("List the store's documents");
        group.MapDelete("/{id}", DeleteAsync).WithSummary("Remove a document from the store").ProducesProblem(404);
        return app;
    }

    private static async Task<IResult> UploadAsync(HttpContext http, GroundedStack stack, DocumentLibrary library)
    {
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
        try
        {
            files = (await http.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = limit }, http.RequestAborted)).Files;
        }
        catch (Exception e) when (e is InvalidDataException || (e is BadHttpRequestException b && b.StatusCode == 413))
        {
            return e is BadHttpRequestException || e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
                ? TooLarge(limit) : Problem(400, $"the multipart body cannot be read: {e.Message}");
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
            uploaded.Add(await library.AddAsync(names[i], content, http.RequestAborted)); // an unreadable file is a 422 (DocumentReadException)
        }

        return Results.Ok(new { documents = uploaded });
    }

    private static async Task<IResult> ListAsync(DocumentLibrary library, CancellationToken ct)
    {
        var documents = await library.ListAsync(ct);
        return Results.Ok(new { data = documents.OrderBy(d => d.Source, StringComparer.Ordinal).Select(Describe) });
    }

    private static async Task<IResult> DeleteAsync(string id, DocumentLibrary library, CancellationToken ct) =>
        await library.DeleteAsync(id, ct) ? Results.NoContent() : Problem(404, $"no document with id '{id}' (GET /v1/documents lists them)");

    private static object Describe(DocumentInfo d) => new { id = d.Id, source = d.Source, chunks = d.ChunkCount, ingestedAt = d.IngestedAt };

    private static IResult TooLarge(long limit) => Problem(413, $"the upload is larger than the limit of {limit} bytes (server.maxUploadBytes)");

    private static IResult Problem(int status, string detail) => Results.Problem(detail: detail, statusCode: status);
}
