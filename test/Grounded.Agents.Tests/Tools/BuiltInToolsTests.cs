using Grounded.Access;
using Grounded.Agents.Definitions;
using Grounded.Agents.Tools;

namespace Grounded.Agents.Tests.Tools;

public sealed class BuiltInToolsTests
{
    private static readonly ToolEnvironment Environment = new(CallerIdentity.Local);

    [Fact]
    public void NamesTheFourBuiltInTools() =>
        Assert.Equal(["search_documents", "get_document", "calculate", "http_get"], BuiltInTools.Names);

    [Fact]
    public void AnUnknownNameFailsNamingItAndTheKnownOnes()
    {
        var error = Assert.Throws<ToolLoadException>(() => BuiltInTools.Create(new BuiltInToolSpec("web_search") { Line = 7 }, Environment));

        Assert.Equal("unknown built-in tool 'web_search' (line 7); the built-in tools are search_documents, get_document, calculate, http_get.", error.Message);
    }

    [Fact]
    public void TheSpecsRulesCarryOverToTheTool()
    {
        var tool = BuiltInTools.Create(new BuiltInToolSpec("calculate") { RequiresApproval = true, Timeout = TimeSpan.FromSeconds(5), UsdPerCall = 0.01m }, Environment);

        Assert.Equal("calculate", tool.Name);
        Assert.True(tool.RequiresApproval);
        Assert.Equal(TimeSpan.FromSeconds(5), tool.Timeout);
        Assert.Equal(0.01m, tool.UsdPerCall);
        Assert.Equal("builtin", tool.Source);
    }

    [Theory]
    [InlineData("search_documents", "query")]
    [InlineData("get_document", "document_id")]
    [InlineData("calculate", "expression")]
    [InlineData("http_get", "url")]
    public void EachToolHasADescribedStrictSchema(string name, string requiredParameter)
    {
        var function = BuiltInTools.Create(new BuiltInToolSpec(name), Environment).Function;
        var schema = function.JsonSchema;

        Assert.False(string.IsNullOrWhiteSpace(function.Description));
        Assert.Equal("object", schema.GetProperty("type").GetString());
        Assert.False(schema.GetProperty("additionalProperties").GetBoolean());
        Assert.Equal([requiredParameter], schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        Assert.All(schema.GetProperty("properties").EnumerateObject(), p => Assert.True(p.Value.TryGetProperty("description", out var d) && d.GetString()!.Length > 10, p.Name));
    }

    [Fact]
    public void TheBuiltInToolsPassTheLinter()
    {
        var tools = BuiltInTools.Names.Select(n => BuiltInTools.Create(new BuiltInToolSpec(n), Environment)).ToList();
        var definition = new AgentDefinition { Name = "helper", Model = "small", Instructions = "Answer from the documents.", Tools = [.. BuiltInTools.Names.Select(n => new BuiltInToolSpec(n))] };

        Assert.Empty(AgentLinter.Lint(definition, tools));
    }
}
