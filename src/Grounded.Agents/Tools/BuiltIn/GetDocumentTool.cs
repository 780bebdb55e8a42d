
namespace Grounded.Agents.Tools;

/// <summary><c>get_document</c>: the text of one document the run's caller may see, by the id a search returned.</summary>
internal sealed class GetDocumentTool(ToolEnvironment environment) : BuiltInFunction(ToolName, Summary, Schema)
{
    public const string ToolName = "get_document";

    private const int DefaultMaxChars = 8_000;
    private const int MostChars = 100_000;

    private const string Summary = "Get the text of one document by its document_id (as returned by search_documents).";

    private const string Schema = """
        {
          "type": "object",
          "properties": {
            "document_id": { "type": "string", "minLength": 1, "description": "The document's id, exactly as search_documents returned it." },
            "max_chars": { "type": "integer", "minimum": 100, "maximum": 100000, "default": 8000, "description": "The most characters of text to return (100 to 100000; default 8000)." }
          },
          "required": ["document_id"],
          "additionalProperties": false
        }
        """;

    protected override async Task<string> RunAsync(ToolCallArguments arguments, CancellationToken cancellationToken)
    {
        var documentId = arguments.RequiredString("document_id");
        var maxChars = arguments.Integer("max_chars", DefaultMaxChars, 100, MostChars);
        if (environment.Documents is not { } documents)
        {
            return ToolResults.Error(SearchDocumentsTool.NoDocuments);
        }

        var document = await documents.GetAsync(environment.Caller, documentId, maxChars, cancellationToken);
        if (document is null)
        {
            return ToolResults.Error($"no document with id '{documentId}' is visible; use an id that search_documents returned.");
        }

        var result = new DocumentResult(document.DocumentId, document.Source, document.Truncated, document.Text);
        return ToolJson.Serialize(result);
    }

    private sealed record DocumentResult(string DocumentId, string Source, bool Truncated, string Text);
}
