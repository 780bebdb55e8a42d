namespace Grounded.Bench.Load.Traffic;

/// <summary>What happened to one request: when it was due and sent (seconds since the phase started), how long it took, and how it ended.</summary>
internal sealed record Outcome(Kind Kind, int Replica, double DueS, double SentS)
{
    public double LatencyMs { get; set; }

    public double FirstTokenMs { get; set; } = double.NaN;

    public int Status { get; set; }

    /// <summary>Null when the request succeeded; else <c>http_STATUS</c>, <c>connection_refused</c>, <c>connection_closed</c>, <c>timeout</c>, <c>stream_error</c> or <c>stream_truncated</c> (a stream that ended cleanly without [DONE]: the one a client cannot tell from success).</summary>
    public string? Error { get; set; }

    /// <summary>The start of an error response's body, to show what the client was told.</summary>
    public string? Detail { get; set; }

    public string? Cache { get; set; }

    public string? Model { get; set; }

    public double CostUsd { get; set; }

    public bool Ok => Error is null;

    public double EndS => SentS + LatencyMs / 1000;
}
