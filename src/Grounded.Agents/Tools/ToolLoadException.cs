namespace Grounded.Agents.Tools;

/// <summary>A tool source could not be read or reached (an OpenAPI document, an MCP server): the message says which and why, in one line.</summary>
public sealed class ToolLoadException : Exception
{
    public ToolLoadException(string message) : base(message)
    {
    }

    public ToolLoadException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public ToolLoadException()
    {
    }
}
