using System.Text.Json;
using Grounded.Agents.Tools;

namespace Grounded.Agents.Tests.Tools.BuiltIn;

public sealed class GetDocumentToolTests
{
    private readonly FakeAgentDocuments _documents = new FakeAgentDocuments()
        .Add("acme", "refunds", "Refunds are paid within 14 days. " + new string('.', 500))
        .Add("globex", "secret", "Globex refunds everything at once.");

    private AgentTool Tool(string tenant) => ToolCalls.BuiltIn("get_document", new ToolEnvironment(ToolCalls.Caller(tenant)) { Documents = _documents });

    [Fact]
    public async Task ReturnsTheDocumentsText()
    {
        var result = JsonDocument.Parse(await Tool("acme").CallAsync("""{"document_id": "refunds"}""")).RootElement;

        Assert.Equal("refunds", result.GetProperty("document_id").GetString());
        Assert.Equal("refunds.md", result.GetProperty("source").GetString());
        Assert.StartsWith("Refunds are paid within 14 days.", result.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.False(result.GetProperty("truncated").GetBoolean());
    }

    [Fact]
    public async Task CutsTheTextAtMaxCharsAndSaysSo()
    {
        var result = JsonDocument.Parse(await Tool("acme").CallAsync("""{"document_id": "refunds", "max_chars": 100}""")).RootElement;

        Assert.Equal(100, result.GetProperty("text").GetString()!.Length);
        Assert.True(result.GetProperty("truncated").GetBoolean());
    }

    [Fact]
    public async Task AnotherTenantsDocumentIsNotVisible() =>
        Assert.Equal(
            "Error: no document with id 'secret' is visible; use an id that search_documents returned.",
            await Tool("acme").CallAsync("""{"document_id": "secret"}"""));

    [Fact]
    public async Task WithoutADocumentStoreTheResultSaysSo() =>
        Assert.StartsWith("Error: no document store is available", await ToolCalls.BuiltIn("get_document").CallAsync("""{"document_id": "x"}"""), StringComparison.Ordinal);
}
