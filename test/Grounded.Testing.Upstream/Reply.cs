namespace Grounded.Testing.Upstream;

/// <summary>What one answer carries: text, or tool calls (arguments streamed in <paramref name="Pieces"/>); cut after <paramref name="CutAfter"/> tokens when not negative.</summary>
internal sealed record Reply(string? Text, IReadOnlyList<ToolCall> Calls, int Pieces = 1, int CutAfter = -1)
{
    public bool HasCalls => Calls.Count > 0;

    public static string CallId(ToolCall call, int index) => call.Id ?? $"call_{index + 1}";
}
