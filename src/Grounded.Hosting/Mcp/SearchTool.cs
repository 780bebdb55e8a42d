using System.Globalization;
using System.Text;
using System.Text.Json;
using Grounded.Access;
using Grounded.Gateway.Context;
using Grounded.Hosting.Ask;
using ModelContextProtocol.Protocol;

namespace Grounded.Hosting.Mcp;

/// <summary><c>search</c>: the passages most relevant to a query, best first, each numbered with its source, heading and score.</summary>
internal sealed class SearchTool(GroundedStack stack, CallerIdentity caller, Func<CancellationToken, Task>? prepare) : GroundedTool(stack, caller, prepare)
{
    public const string Name = "search";

    public override Tool ProtocolTool { get; } = Describe(Name, "Search the documents",
        "Find the passages of the indexed documents most relevant to a query (hybrid retrieval), best first; cite them as [n].",
        McpArguments.Schema("query", "What to look for, in words or as a question."));

    protected override async Task<CallToolResult> CallAsync(IDictionary<string, JsonElement>? arguments, CancellationToken cancellationToken)
    {
        var request = new AskRequest { Question = McpArguments.Text(arguments, "query"), TopK = McpArguments.TopK(arguments) };
        var hits = await Stack.SearchAsync(request, new GatewayContext("mcp") { Identity = Caller }, cancellationToken).ConfigureAwait(false);
        var results = hits.Select((h, i) => new SearchHit(
            i + 1, h.Chunk.Source, h.Chunk.Chunk.HeadingPath, Math.Round(h.Score, 4), h.Chunk.Chunk.Text, h.Chunk.DocumentId, h.Chunk.Id)).ToList();
        return new CallToolResult
        {
            Content = [new TextContentBlock { Text = Text(results) }],
            StructuredContent = JsonSerializer.SerializeToElement(new { results }, McpJson.Options),
        };
    }

    private static string Text(List<SearchHit> results)
    {
        if (results.Count == 0)
        {
            return "No passage matched the query.";
        }

        var text = new StringBuilder();
        foreach (var r in results)
        {
            var heading = r.Heading.Length > 0 ? $" — {r.Heading}" : string.Empty;
            text.Append(CultureInfo.InvariantCulture, $"[{r.N}] {r.Source}{heading} (score {r.Score:0.0000})\n{r.Text.Trim()}\n\n");
        }

        return text.ToString().TrimEnd();
    }

    private sealed record SearchHit(int N, string Source, string Heading, double Score, string Text, string DocumentId, string ChunkId);
}
