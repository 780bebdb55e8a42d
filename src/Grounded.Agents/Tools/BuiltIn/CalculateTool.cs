namespace Grounded.Agents.Tools;

/// <summary><c>calculate</c>: the value of an arithmetic expression, from a parser that reads numbers and operators only (no code runs).</summary>
internal sealed class CalculateTool() : BuiltInFunction(ToolName, Summary, Schema)
{
    public const string ToolName = "calculate";

    private const string Summary =
        "Evaluate an arithmetic expression exactly (use it instead of doing arithmetic in your head); returns the number.";

    private const string Schema = """
        {
          "type": "object",
          "properties": {
            "expression": { "type": "string", "minLength": 1, "maxLength": 500, "description": "The expression, e.g. (12.5 * 4 - 3) / 2 or sqrt(2)^2 + max(1, 2, 3). Operators: + - * / % ^; functions: sqrt abs round floor ceil min max log ln exp sin cos tan; constants: pi e." }
          },
          "required": ["expression"],
          "additionalProperties": false
        }
        """;

    protected override Task<string> RunAsync(ToolCallArguments arguments, CancellationToken cancellationToken)
    {
        var expression = arguments.RequiredString("expression");
        try
        {
            return Task.FromResult(ArithmeticExpression.Format(ArithmeticExpression.Evaluate(expression)));
        }
        catch (ArithmeticException e)
        {
            return Task.FromResult(ToolResults.Error(e.Message));
        }
    }
}
