namespace Grounded.Testing.Upstream;

/// <summary>What the scripted upstream does for one request.</summary>
public abstract record Step
{
    /// <summary>Answers normally with <paramref name="Text"/> (default: echoes the last user message), after an optional delay.</summary>
    public sealed record Ok(string? Text = null, TimeSpan Delay = default) : Step;

    /// <summary>
    /// Answers with an HTTP error status, with a Retry-After header when given, and a body in the provider's error shape
    /// (<c>{"error": {"message", "type", "code", "param"}}</c>; the message defaults to <c>scripted STATUS</c>).
    /// </summary>
    public sealed record Fail(int Status, string? RetryAfter = null, string? Message = null, string? Type = null, string? Code = null, string? Param = null) : Step;

    /// <summary>Never answers (until the client gives up).</summary>
    public sealed record Hang : Step;

    /// <summary>Answers 200 with a body that is not JSON.</summary>
    public sealed record Malformed : Step;

    /// <summary>Streams <paramref name="Text"/>'s words one every <paramref name="PerToken"/> (a long answer in flight); answers whole after the same time when not streaming.</summary>
    public sealed record SlowStream(string Text, TimeSpan PerToken) : Step;

    /// <summary>Streams <paramref name="Tokens"/> tokens, then drops the connection without finishing.</summary>
    public sealed record CutStream(int Tokens = 1) : Step;

    /// <summary>
    /// Answers with tool calls and no text (finish reason <c>tool_calls</c>, Anthropic <c>tool_use</c>). When streaming, each
    /// call's arguments are sent in <paramref name="Pieces"/> deltas, as OpenAI streams them.
    /// </summary>
    public sealed record ToolCalls(IReadOnlyList<ToolCall> Calls, int Pieces = 3) : Step;
}
