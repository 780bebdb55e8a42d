using System.Diagnostics.Metrics;

namespace Grounded.Server;

/// <summary>The server's GenAI metrics (OpenTelemetry semantic conventions): request duration, time to first token, token usage, by model.</summary>
internal sealed class ServerTelemetry
{
    public const string MeterName = "Grounded.Server";
    private readonly Histogram<double> _duration;
    private readonly Histogram<double> _firstToken;
    private readonly Histogram<long> _tokens;

    public ServerTelemetry(IMeterFactory meters, ILoggerFactory logs)
    {
        RequestLog = logs.CreateLogger(ServerLog.Category);
        var meter = meters.Create(MeterName);
        _duration = meter.CreateHistogram<double>("gen_ai.server.request.duration", "s", "Time to serve a chat request, end to end");
        _firstToken = meter.CreateHistogram<double>("gen_ai.server.time_to_first_token", "s", "Time until the first token of a streamed response");
        _tokens = meter.CreateHistogram<long>("gen_ai.server.token.usage", "{token}", "Tokens per request, by type");
    }

    /// <summary>Gets the request log (created once: LoggerFactory.CreateLogger takes a lock).</summary>
    public ILogger RequestLog { get; }

    public void Completed(string model, TimeSpan duration, TimeSpan? firstToken, long inputTokens, long outputTokens)
    {
        var tag = new KeyValuePair<string, object?>("gen_ai.request.model", model);
        _duration.Record(duration.TotalSeconds, tag);
        if (firstToken is { } t)
        {
            _firstToken.Record(t.TotalSeconds, tag);
        }

        _tokens.Record(inputTokens, tag, new("gen_ai.token.type", "input"));
        _tokens.Record(outputTokens, tag, new("gen_ai.token.type", "output"));
    }
}
