namespace Grounded.Server.Requests;

/// <summary>
/// The server's request log lines, one per request (source-generated: no boxing or formatting when the level is off).
/// Prompt text appears only in <see cref="RequestWithPrompt"/>, used when <c>server.logPrompts</c> is true.
/// </summary>
internal static partial class ServerLog
{
    public const string Category = "Grounded.Server.Requests";

    [LoggerMessage(1, LogLevel.Information, "{Route} model={Model} served-by={Served} attempts={Attempts} stream={Stream} status={Status} input-tokens={InputTokens} output-tokens={OutputTokens} cost={Cost} ms={Ms:0.0} request={RequestId}")]
    public static partial void Request(ILogger logger, string route, string model, string served, int attempts, bool stream, int status, long inputTokens, long outputTokens, decimal cost, double ms, string requestId);

    [LoggerMessage(2, LogLevel.Information, "{Route} model={Model} served-by={Served} attempts={Attempts} stream={Stream} status={Status} input-tokens={InputTokens} output-tokens={OutputTokens} cost={Cost} ms={Ms:0.0} request={RequestId} prompt={Prompt}")]
    public static partial void RequestWithPrompt(ILogger logger, string route, string model, string served, int attempts, bool stream, int status, long inputTokens, long outputTokens, decimal cost, double ms, string requestId, string prompt);
}
