using System.Text.Json;
using Grounded.Agents.Tools;

namespace Grounded.Agents.Tests.Tools.BuiltIn;

public sealed class SearchDocumentsToolTests
{
    private readonly FakeAgentDocuments _documents = new FakeAgentDocuments()
        .Add("acme", "refunds", "Refunds are paid within 14 days.", "Policy > Refunds", 0.91)
        .Add("acme", "shipping", "Refunds for shipping are not paid.", "Policy > Shipping", 0.42)
        .Add("globex", "secret", "Globex refunds everything at once.", "Internal", 0.99);

    [Fact]
    public async Task ReturnsNumberedPassagesToCite()
    {
        var tool = ToolCalls.BuiltIn("search_documents", new ToolEnvironment(ToolCalls.Caller("acme")) { Documents = _documents });

        var results = JsonDocument.Parse(await tool.CallAsync("""{"query": "refunds"}""")).RootElement;

        Assert.Equal(2, results.GetArrayLength());
        var first = results[0];
        Assert.Equal(1, first.GetProperty("n").GetInt32());
        Assert.Equal("refunds", first.GetProperty("document_id").GetString());
        Assert.Equal("refunds.md", first.GetProperty("source").GetString());
        Assert.Equal("Policy > Refunds", first.GetProperty("heading").GetString());
        Assert.Equal("Refunds are paid within 14 days.", first.GetProperty("text").GetString());
        Assert.Equal(0.91, first.GetProperty("score").GetDouble());
        Assert.Equal(2, results[1].GetProperty("n").GetInt32());
    }

    [Fact]
    public async Task FindsOnlyTheCallersTenantsPassages()
    {
        var tool = ToolCalls.BuiltIn("search_documents", new ToolEnvironment(ToolCalls.Caller("acme")) { Documents = _documents });

        var text = await tool.CallAsync("""{"query": "refunds everything", "top_k": 10}""");

        Assert.DoesNotContain("Globex", text, StringComparison.Ordinal);
        Assert.Equal(["search acme refunds everything 10"], _documents.Calls);
    }

    [Fact]
    public async Task AsksForFivePassagesUnlessToldOtherwise()
    {
        var tool = ToolCalls.BuiltIn("search_documents", new ToolEnvironment(ToolCalls.Caller("acme")) { Documents = _documents });

        await tool.CallAsync("""{"query": "refunds"}""");
        await tool.CallAsync("""{"query": "refunds", "top_k": 1}""");

        Assert.Equal(["search acme refunds 5", "search acme refunds 1"], _documents.Calls);
    }

    [Fact]
    public async Task WithoutADocumentStoreTheResultSaysSo() =>
        Assert.Equal(
            "Error: no document store is available to this agent, so documents cannot be searched or read here.",
            await ToolCalls.BuiltIn("search_documents").CallAsync("""{"query": "refunds"}"""));

    [Fact]
    public async Task AnOutOfRangeTopKIsAnErrorResult() =>
        Assert.Equal(
            "Error: top_k: must be between 1 and 10, was 50",
            await ToolCalls.BuiltIn("search_documents", new ToolEnvironment(ToolCalls.Caller("acme")) { Documents = _documents })
                .CallAsync("""{"query": "refunds", "top_k": 50}"""));
}
