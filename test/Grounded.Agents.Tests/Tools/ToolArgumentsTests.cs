using System.ComponentModel;
using Grounded.Agents.Tools;
using Microsoft.Extensions.AI;

namespace Grounded.Agents.Tests.Tools;

public sealed class ToolArgumentsTests
{
    private static readonly AIFunction Search = ToolCalls.BuiltIn("search_documents").Function;

    [Fact]
    public void ArgumentsThatFitTheSchemaPass()
    {
        Assert.Null(ToolArguments.Validate(Search, ToolCalls.Arguments("""{"query": "refunds", "top_k": 3}""")));
        Assert.Null(ToolArguments.Validate(Search, ToolCalls.Arguments("""{"query": "refunds"}""")));
    }

    [Fact]
    public void EveryProblemIsListedOnOneLineWithItsPath()
    {
        var message = ToolArguments.Validate(Search, ToolCalls.Arguments("""{"top_k": 11}"""));

        Assert.NotNull(message);
        Assert.Contains("query: required", message, StringComparison.Ordinal);
        Assert.Contains("top_k: must be at most 10", message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
    }

    [Fact]
    public void MissingArgumentsAreReportedAsRequired() =>
        Assert.Equal("query: required", ToolArguments.Validate(Search, null));

    [Fact]
    public void AWrongTypeSaysWhatWasExpectedAndWhatCame() =>
        Assert.Equal("query: must be a string, got a number", ToolArguments.Validate(Search, ToolCalls.Arguments("""{"query": 5}""")));

    [Fact]
    public void AnUnknownArgumentIsNamedWithTheParametersThereAre() =>
        Assert.Equal(
            "topk: not a parameter of this tool (parameters: query, top_k)",
            ToolArguments.Validate(Search, ToolCalls.Arguments("""{"query": "x", "topk": 3}""")));

    [Fact]
    public void AnEmptyStringIsReportedAsEmpty() =>
        Assert.Equal("query: must not be empty", ToolArguments.Validate(Search, ToolCalls.Arguments("""{"query": ""}""")));

    [Fact]
    public void PlainValuesAreCheckedLikeJsonOnes() =>
        Assert.Equal("top_k: must be at least 1", ToolArguments.Validate(Search, new Dictionary<string, object?> { ["query"] = "x", ["top_k"] = 0 }));

    [Fact]
    public void ArgumentsAsTheRunnerHoldsThemAreChecked() =>
        Assert.Equal("top_k: must be an integer, got a string", ToolArguments.Validate(Search, new AIFunctionArguments(ToolCalls.Arguments("""{"query": "x", "top_k": "3"}"""))));

    [Fact]
    public void SchemasMadeByTheFunctionFactoryAreChecked()
    {
        var function = AIFunctionFactory.Create(
            ([Description("The order's id.")] int orderId, [Description("How to ship.")] Shipping shipping) => $"{orderId} {shipping}",
            "ship_order",
            "Ship an order.");

        Assert.Null(ToolArguments.Validate(function, ToolCalls.Arguments("""{"orderId": 7, "shipping": "Express"}""")));
        var message = ToolArguments.Validate(function, ToolCalls.Arguments("""{"orderId": "seven", "shipping": "Teleport"}"""));
        Assert.NotNull(message);
        Assert.Contains("orderId: must be an integer, got a string", message, StringComparison.Ordinal);
        Assert.Contains("shipping: must be one of \"Standard\", \"Express\"", message, StringComparison.Ordinal);
    }

    [Fact]
    public void NestedProblemsNameTheirFullPath()
    {
        var function = AIFunctionFactory.Create((Parcel parcel) => parcel.Items.Count, "send_parcel", "Send a parcel.");

        var message = ToolArguments.Validate(function, ToolCalls.Arguments("""{"parcel": {"items": [{"sku": "a"}, {"sku": 3}]}}"""));

        Assert.Equal("parcel.items[1].sku: must be a string, got a number", message);
    }

    [Fact]
    public void AToolWithoutParametersTakesNoArguments() =>
        Assert.Null(ToolArguments.Validate(AIFunctionFactory.Create(() => "now", "get_time", "Get the time."), null));

    public enum Shipping
    {
        Standard,
        Express,
    }

    public sealed record Parcel(IReadOnlyList<ParcelItem> Items);

    public sealed record ParcelItem(string Sku);
}
