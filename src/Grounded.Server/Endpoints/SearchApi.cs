using System.Text.Json;
using Grounded.Gateway.Failures;
using Grounded.Hosting;
using Grounded.Hosting.Ask;
using Grounded.Server.Errors;
using Grounded.Server.OpenAi;
using Grounded.Server.Requests;

namespace Grounded.Server.Endpoints;

/// <summary>
/// <c>POST /v1/search {query, k?}</c>: the chunks most relevant to a query, best first, with the same keys as
/// <c>grounded search --json</c> (the query null: a response never repeats the caller's text); scoped to the caller's
/// tenant and groups by the same retrieval checks as <c>/v1/ask</c>.
/// </summary>
internal static class SearchApi
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/search", SearchAsync).WithTags("Grounded").WithSummary("List the chunks most relevant to a query, best first")
            .WithMetadata(ProblemErrors.Instance).ProducesProblem(400);
        return app;
    }

    private static async Task<IResult> SearchAsync(HttpContext http, GroundedStack stack)
    {
        var ct = http.RequestAborted;
        var body = await RequestBody.ReadAsync<SearchRequest>(http.Request, stack.Options.Gateway.MaxRequestBodyBytes, ct, Web, rejectUnknown: true);
        http.KeepPrompt(stack.Options.Gateway, () => body.Query ?? string.Empty);
        if (string.IsNullOrWhiteSpace(body.Query))
        {
            throw new InvalidRequestException("query is required", "query");
        }

        if (body.K is < 1 or > 1000)
        {
            throw new InvalidRequestException($"k must be between 1 and 1000 (got {body.K})", "k");
        }

        var hits = await stack.SearchAsync(new AskRequest { Question = body.Query, TopK = body.K }, http.Context("search"), ct);
        var rag = await stack.GetRagAsync(ct);
        var results = hits.Select((h, i) => new SearchHit(i + 1, h.Chunk.DocumentId, h.Chunk.Source, h.Chunk.Id, Math.Round(h.Score, 4), h.Chunk.Chunk.Text));
        return Results.Json(new { query = (string?)null, index = rag.LastSearchIndex, results }, Web);
    }

    private sealed record SearchRequest(string? Query, int? K);

    private sealed record SearchHit(int Rank, string DocumentId, string Source, string ChunkId, double Score, string Text);
}
