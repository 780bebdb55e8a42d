namespace Grounded.Testing.Upstream;

/// <summary>What one answer carries: text, or tool calls (arguments streamed in <paramref name="Pieces"/>); cut after <paramref name="CutAfter"/> tokens when not negative; each token after the first <paramref name="PerToken"/> later.</summary>
internal sealed record Reply(string? Text, IReadOnlyList<ToolCall> Calls, int Pieces = 1, int CutAfter = -1, TimeSpan PerToken = default)
{
    public bool HasCalls => Calls.Count > 0;

    public static string CallId(ToolCall call, int index) => call.Id ?? $"call_{index + 1}";
}
