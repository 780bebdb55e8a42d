using Grounded.Agents.Tests.Tools;

namespace Grounded.Agents.Tests.Tools.BuiltIn;

public sealed class CalculateToolTests
{
    private readonly Grounded.Agents.Tools.AgentTool _calculate = ToolCalls.BuiltIn("calculate");

    [Fact]
    public async Task ReturnsTheNumberAsText() =>
        Assert.Equal("4", await _calculate.CallAsync("""{"expression": "2 + 2"}"""));

    [Fact]
    public async Task ABadExpressionIsAnErrorResultNamingThePosition() =>
        Assert.Equal("Error: division by zero at position 3", await _calculate.CallAsync("""{"expression": "1 / 0"}"""));

    [Fact]
    public async Task AMissingExpressionIsAnErrorResult() =>
        Assert.Equal("Error: expression: required, a non-empty string", await _calculate.CallAsync("{}"));

    [Fact]
    public async Task CodeIsNotRun() =>
        Assert.Equal("Error: unknown name 'system' at position 1; known: pi, e, sqrt, abs, round, floor, ceil, min, max, log, ln, exp, sin, cos, tan",
            await _calculate.CallAsync("""{"expression": "System.IO.File.Delete(\"x\")"}"""));
}
