
namespace Grounded.Agents.Tools;

/// <summary>
/// <c>search_documents</c>: hybrid retrieval over the documents the run's caller may see; the passages come back numbered so the
/// model can cite them as [n].
/// </summary>
internal sealed class SearchDocumentsTool(ToolEnvironment environment) : BuiltInFunction(ToolName, Summary, Schema)
{
    public const string ToolName = "search_documents";

    public const string NoDocuments = "no document store is available to this agent, so documents cannot be searched or read here.";

    private const int DefaultTopK = 5;
    private const int MaxTopK = 10;

    private const string Summary =
        "Search the indexed documents for passages relevant to a query; returns numbered passages to cite as [n].";

    private const string Schema = """
        {
          "type": "object",
          "properties": {
            "query": { "type": "string", "minLength": 1, "maxLength": 1000, "description": "What to look for, in words likely to appear in the documents." },
            "top_k": { "type": "integer", "minimum": 1, "maximum": 10, "default": 5, "description": "How many passages to return, best first (1 to 10; default 5)." }
          },
          "required": ["query"],
          "additionalProperties": false
        }
        """;

    protected override async Task<string> RunAsync(ToolCallArguments arguments, CancellationToken cancellationToken)
    {
        var query = arguments.RequiredString("query");
        var topK = arguments.Integer("top_k", DefaultTopK, 1, MaxTopK);
        if (environment.Documents is not { } documents)
        {
            return ToolResults.Error(SearchDocumentsTool.NoDocuments);
        }

        var passages = await documents.SearchAsync(environment.Caller, query, topK, cancellationToken);
        var results = passages.Take(topK).Select((p, i) => new SearchResult(i + 1, p.DocumentId, p.Source, p.Heading, p.Text, Math.Round(p.Score, 4)));
        return ToolJson.Serialize(results);
    }

    private sealed record SearchResult(int N, string DocumentId, string Source, string Heading, string Text, double Score);
}
