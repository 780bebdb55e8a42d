namespace Grounded.Server;

/// <summary>
/// The server's request log lines, one per request (source-generated: no boxing or formatting when the level is off).
/// Prompt text appears only in the <c>…WithPrompt</c> variants, used when <c>server.logPrompts</c> is true.
/// </summary>
internal static partial class ServerLog
{
    public const string Category = "Grounded.Server.Requests";

    [LoggerMessage(1, LogLevel.Information, "chat model={Model} served-by={Served} attempts={Attempts} stream={Stream} status={Status} prompt-tokens={PromptTokens} ms={Ms:0.0}")]
    public static partial void Chat(ILogger logger, string model, string served, string attempts, bool stream, int status, int promptTokens, double ms);

    [LoggerMessage(2, LogLevel.Information, "chat model={Model} served-by={Served} attempts={Attempts} stream={Stream} status={Status} prompt-tokens={PromptTokens} ms={Ms:0.0} prompt={Prompt}")]
    public static partial void ChatWithPrompt(ILogger logger, string model, string served, string attempts, bool stream, int status, int promptTokens, double ms, string prompt);

    [LoggerMessage(3, LogLevel.Information, "ask model={Model} stream={Stream} status={Status} abstained={Abstained} citations={Citations} ms={Ms:0.0}")]
    public static partial void Ask(ILogger logger, string model, bool stream, int status, bool? abstained, int citations, double ms);

    [LoggerMessage(4, LogLevel.Information, "ask model={Model} stream={Stream} status={Status} abstained={Abstained} citations={Citations} ms={Ms:0.0} question={Question}")]
    public static partial void AskWithPrompt(ILogger logger, string model, bool stream, int status, bool? abstained, int citations, double ms, string question);
}
