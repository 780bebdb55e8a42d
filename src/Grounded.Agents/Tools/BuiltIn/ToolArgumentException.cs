namespace Grounded.Agents.Tools;

/// <summary>An argument of a built-in tool's call is missing or of the wrong kind; the message becomes the call's error result.</summary>
internal sealed class ToolArgumentException(string message) : Exception(message);
