using System.ComponentModel;
using System.Text.Json;
using Grounded.Access;
using Grounded.Agents.Definitions;
using Grounded.Agents.Tools;
using Microsoft.Extensions.AI;

namespace Grounded.Agents.Tests.Definitions;

public sealed class AgentLinterTests
{
    private static readonly AgentDefinition Agent = new() { Name = "helper", Model = "small", Instructions = "Answer from the documents." };

    [Fact]
    public void AWellShapedAgentHasNoFindings() =>
        Assert.Empty(AgentLinter.Lint(Agent, [Tool("get_weather", "Get today's weather forecast for a city.", Parameter("city", "The city's name, e.g. Paris."))]));

    [Fact]
    public void AnAgentWithoutInstructionsIsWarned()
    {
        var finding = Assert.Single(AgentLinter.Lint(Agent with { Instructions = " " }, []));

        Assert.Equal(("warning", "missing-instructions", (string?)null), (finding.Severity, finding.Rule, finding.Tool));
        Assert.Contains("add instructions:", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MoreThanTenToolsIsWarned()
    {
        var tools = Enumerable.Range(1, 11).Select(i => Tool($"get_item{i}", $"Get item number {i} of the catalogue {new string('x', i)}.")).ToList();

        var finding = Assert.Single(AgentLinter.Lint(Agent, tools), f => f.Rule == "too-many-tools");

        Assert.Equal("the agent offers 11 tools; models choose worse past 10: drop rarely used ones or split the work between specialists (workflow:)", finding.Message);
    }

    [Fact]
    public void MoreThanFiveParametersIsWarned()
    {
        var parameters = Enumerable.Range(1, 6).Select(i => Parameter($"field{i}", $"Field number {i}.")).ToArray();

        var finding = Assert.Single(AgentLinter.Lint(Agent, [Tool("create_ticket", "Create a support ticket in the tracker.", parameters)]));

        Assert.Equal(("too-many-parameters", "create_ticket"), (finding.Rule, finding.Tool));
        Assert.StartsWith("'create_ticket' takes 6 parameters", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABuiltInListedTwiceIsAnErrorWithItsLines()
    {
        var definition = Agent with { Tools = [new BuiltInToolSpec("calculate") { Line = 4 }, new BuiltInToolSpec("calculate") { Line = 6 }] };
        var calculate = BuiltInTools.Create(new BuiltInToolSpec("calculate"), new ToolEnvironment(CallerIdentity.Local));

        var finding = Assert.Single(AgentLinter.Lint(definition, [calculate, calculate]));

        Assert.Equal(("error", "duplicate-tool", "calculate", 6), (finding.Severity, finding.Rule, finding.Tool, finding.Line));
        Assert.Equal("'calculate' is listed 2 times (lines 4, 6): keep one entry", finding.Message);
    }

    [Fact]
    public void TwoToolsWithTheSameNameAreAnError()
    {
        var findings = AgentLinter.Lint(Agent, [
            Tool("get_order", "Get an order by its id from the shop.", source: "openapi"),
            Tool("get_order", "Fetch the order record from the warehouse.", source: "mcp"),
        ]);

        var finding = Assert.Single(findings);
        Assert.Equal(("error", "duplicate-tool"), (finding.Severity, finding.Rule));
        Assert.Equal("2 tools are named 'get_order' (from openapi, mcp): the model cannot tell which it calls; allow only one of them", finding.Message);
    }

    [Theory]
    [InlineData("get_document", "get_documents")]
    [InlineData("get_document", "getDocument")]
    [InlineData("search_items", "search-item")]
    public void NamesThatDifferOnlyInCaseSeparatorsOrPluralAreAmbiguous(string first, string second)
    {
        var findings = AgentLinter.Lint(Agent, [Tool(first, "Read one document by its id from the store."), Tool(second, "List every document of a folder in the archive.")]);

        var finding = Assert.Single(findings, f => f.Rule == "ambiguous-names");
        Assert.Equal($"'{first}' and '{second}' differ only in case, separators or a plural: rename one so the difference says what each does", finding.Message);
    }

    [Fact]
    public void NearlyIdenticalDescriptionsAreAmbiguous()
    {
        var findings = AgentLinter.Lint(Agent, [
            Tool("find_customer", "Look up a customer record by the customer's email address."),
            Tool("lookup_client", "Look up a customer record by the customer email address."),
        ]);

        Assert.Equal("'find_customer' and 'lookup_client' have nearly the same description: say in each when to use it rather than the other", Assert.Single(findings).Message);
    }

    [Theory]
    [InlineData("getWeather", "'getWeather' is not verb_noun snake_case: call it 'get_weather' (lower-case words joined by '_')")]
    [InlineData("Get-Weather", "'Get-Weather' is not verb_noun snake_case: call it 'get_weather' (lower-case words joined by '_')")]
    [InlineData("weather", "'weather' is one word: name the action and what it acts on, e.g. 'get_weather' or 'weather_items'")]
    public void NamesThatAreNotVerbNounSnakeCaseAreWarned(string name, string expected)
    {
        var finding = Assert.Single(AgentLinter.Lint(Agent, [Tool(name, "Get today's weather forecast for a city.")]));

        Assert.Equal(("warning", "tool-name-style", expected), (finding.Severity, finding.Rule, finding.Message));
    }

    [Fact]
    public void ANameProvidersWouldRefuseIsAnError()
    {
        var name = "get_" + new string('x', 70);

        var findings = AgentLinter.Lint(Agent, [Tool(name, "Get the thing with a very long name.")]);

        Assert.Contains(findings, f => f is { Severity: "error", Rule: "tool-name-style" } && f.Message.Contains("refuse tool names over 64", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "'get_weather' has no description: say in one sentence what it does and when to use it")]
    [InlineData("Weather.", "'get_weather' has a 8-character description: say in one sentence what it does and when to use it")]
    public void MissingOrTooShortDescriptionsAreWarned(string description, string expected)
    {
        var finding = Assert.Single(AgentLinter.Lint(Agent, [Tool("get_weather", description)]));

        Assert.Equal(("missing-description", expected), (finding.Rule, finding.Message));
    }

    [Fact]
    public void ParametersWithoutDescriptionsAreNamed()
    {
        var finding = Assert.Single(AgentLinter.Lint(Agent, [Tool("get_weather", "Get today's weather forecast for a city.", Parameter("city", null), Parameter("country", null), Parameter("day", "The day, as YYYY-MM-DD."))]));

        Assert.Equal("'get_weather' has parameters without a description (city, country): say what each is, its format and units", finding.Message);
    }

    [Theory]
    [InlineData("units", "Metric or imperial.")]
    [InlineData("sort_order", "How to sort.")]
    [InlineData("fileType", "The file's type.")]
    [InlineData("scale", "The temperature scale, one of celsius, fahrenheit.")]
    [InlineData("scale", "celsius|fahrenheit")]
    [InlineData("scale", "Either celsius or fahrenheit.")]
    public void StringsThatNameAFixedSetShouldBeEnums(string parameter, string description)
    {
        var finding = Assert.Single(AgentLinter.Lint(Agent, [Tool("get_weather", "Get today's weather forecast for a city.", Parameter(parameter, description))]));

        Assert.Equal("string-should-be-enum", finding.Rule);
        Assert.Equal($"'get_weather' parameter '{parameter}' is a free-form string but looks like a fixed set of values: list them as an enum so the model cannot invent one", finding.Message);
    }

    [Theory]
    [InlineData("order_id", "The order's id.")]
    [InlineData("city", "The city's name, e.g. Paris.")]
    public void OrdinaryStringsNeedNoEnum(string parameter, string description) =>
        Assert.Empty(AgentLinter.Lint(Agent, [Tool("get_weather", "Get today's weather forecast for a city.", Parameter(parameter, description))]));

    [Fact]
    public void AStringWithAnEnumIsFine()
    {
        var function = AIFunctionFactory.Create(([Description("The unit to use.")] Units units) => units.ToString(), "get_weather", "Get today's weather forecast for a city.");

        Assert.Empty(AgentLinter.Lint(Agent, [new AgentTool(function)]));
    }

    [Fact]
    public void DeeplyNestedParametersAreWarned()
    {
        var function = AIFunctionFactory.Create(([Description("The parcel.")] Parcel parcel) => parcel.Boxes.Count, "send_parcel", "Send a parcel with its boxes and their items.");

        var finding = Assert.Single(AgentLinter.Lint(Agent, [new AgentTool(function)]));

        Assert.Equal(("nested-output", "'send_parcel' parameters nest 5 levels deep; models fill more than 2 badly: flatten them into top-level parameters"), (finding.Rule, finding.Message));
    }

    [Fact]
    public void DeeplyNestedResultsAreWarned()
    {
        var function = AIFunctionFactory.Create(() => new Parcel([]), "get_parcel", "Get the parcel that is being packed now.");

        var finding = Assert.Single(AgentLinter.Lint(Agent, [new AgentTool(function)]));

        Assert.Equal(("nested-output", "'get_parcel' returns objects nested 5 levels deep; models read more than 2 badly: return a flat object or a list of flat rows"), (finding.Rule, finding.Message));
    }

    [Fact]
    public void AFlatListResultIsFine()
    {
        var function = AIFunctionFactory.Create(() => new List<Item>(), "list_items", "List the items in the current box.");

        Assert.Empty(AgentLinter.Lint(Agent, [new AgentTool(function)]));
    }

    [Fact]
    public void FindingsPointAtTheLineOfTheToolsEntry()
    {
        var definition = Agent with { Tools = [new BuiltInToolSpec("search_documents") { Line = 3 }, new OpenApiToolSpec("shop.yaml") { Line = 5 }] };

        var finding = Assert.Single(AgentLinter.Lint(definition, [Tool("getOrder", "Get an order by its id from the shop.", source: "openapi")]));

        Assert.Equal(5, finding.Line);
    }

    private static AgentTool Tool(string name, string description, params (string Name, string? Description)[] parameters) =>
        Tool(name, description, "builtin", parameters);

    private static AgentTool Tool(string name, string description, string source, params (string Name, string? Description)[] parameters)
    {
        var properties = parameters.ToDictionary(
            p => p.Name,
            p => p.Description is null ? (object)new { type = "string" } : new { type = "string", description = p.Description });
        var schema = JsonSerializer.SerializeToElement(new { type = "object", properties, required = parameters.Select(p => p.Name) });
        return new AgentTool(new DeclaredFunction(name, description, schema)) { Source = source };
    }

    private static (string, string?) Parameter(string name, string? description) => (name, description);

    private sealed class DeclaredFunction(string name, string description, JsonElement schema) : AIFunction
    {
        public override string Name => name;

        public override string Description => description;

        public override JsonElement JsonSchema => schema;

        protected override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken) => ValueTask.FromResult<object?>(null);
    }

    public enum Units
    {
        Metric,
        Imperial,
    }

    public sealed record Parcel(IReadOnlyList<Box> Boxes);

    public sealed record Box(IReadOnlyList<Item> Items);

    public sealed record Item(string Sku, int Count);
}
