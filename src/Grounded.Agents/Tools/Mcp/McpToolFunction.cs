using System.Text.Json;
using Microsoft.Extensions.AI;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Grounded.Agents.Tools.Mcp;

/// <summary>
/// An MCP server's tool as the runner calls it: the server's name, description and schema unchanged; the result a string
/// (the text blocks, else the structured content as JSON); the server's error, or a failure to reach it, an error result
/// rather than an exception.
/// </summary>
internal sealed class McpToolFunction(McpClientTool tool, string server) : DelegatingAIFunction(tool)
{
    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        CallToolResult result;
        try
        {
            result = await tool.CallAsync(arguments, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return ToolResults.Error($"the MCP server {server} failed to run {Name}: {ToolResults.OneLine(e.Message)}");
        }

        var text = Text(result);
        // The runner knows a failure by ToolResults' prefix: it becomes the step's error, and a paid tool is not charged for it.
        return result.IsError == true ? ToolResults.Error(text) : text;
    }

    private static string Text(CallToolResult result)
    {
        var texts = result.Content.OfType<TextContentBlock>().Select(t => t.Text).ToList();
        if (texts.Count > 0)
        {
            return string.Join("\n", texts);
        }

        return result.StructuredContent is { } structured
            ? structured.GetRawText()
            : JsonSerializer.Serialize(result.Content.Select(c => c.Type));
    }
}
