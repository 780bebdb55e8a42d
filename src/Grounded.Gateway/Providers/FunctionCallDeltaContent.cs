using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Providers;

/// <summary>
/// A piece of a streamed tool call as the provider sent it: the call's position, its id and name (on the first piece)
/// and the next piece of its arguments text. Providers that stream arguments add these to their updates; the complete
/// <see cref="FunctionCallContent"/> still follows at the end, marked with <see cref="StreamedKey"/>, for consumers that
/// only want whole calls.
/// </summary>
public sealed class FunctionCallDeltaContent(int index, string? callId, string? name, string argumentsDelta) : AIContent
{
    /// <summary>The key, in a complete call's <see cref="AIContent.AdditionalProperties"/>, that says its pieces were already streamed.</summary>
    public const string StreamedKey = "grounded.streamed";

    /// <summary>Gets the call's position among the response's tool calls, from 0.</summary>
    public int Index { get; } = index;

    /// <summary>Gets the call's id (on its first piece).</summary>
    public string? CallId { get; } = callId;

    /// <summary>Gets the function's name (on its first piece).</summary>
    public string? Name { get; } = name;

    /// <summary>Gets the next piece of the arguments text.</summary>
    public string ArgumentsDelta { get; } = argumentsDelta;

    /// <summary>Returns whether a complete call's pieces were already streamed as <see cref="FunctionCallDeltaContent"/>.</summary>
    public static bool WasStreamed(FunctionCallContent call) =>
        call?.AdditionalProperties?.TryGetValue(StreamedKey, out var value) == true && value is true;
}
