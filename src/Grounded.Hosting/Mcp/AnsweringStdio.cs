using System.IO.Pipelines;

namespace Grounded.Hosting.Mcp;

/// <summary>
/// Stdin and stdout for the MCP transport, so that a client that writes its requests and closes stdin at once still gets
/// every answer: at the end of input, the end is held back from the transport until each request read has been answered
/// (or cancelled), then passed on, and the server stops.
/// </summary>
internal sealed class AnsweringStdio : IDisposable
{
    private readonly Pipe _input = new();
    private readonly SemaphoreSlim _answered = new(0);
    private int _unanswered;

    /// <summary>Gets what the transport reads: stdin's messages, line by line.</summary>
    public Stream Input => _input.Reader.AsStream();

    /// <summary>Returns what the transport writes to: <paramref name="stdout"/>, with each response counted.</summary>
    public Stream Output(Stream stdout) => new LineWatchingStream(stdout, line =>
    {
        if (JsonRpcLines.Classify(line) == JsonRpcLine.Response)
        {
            Answered();
        }
    });

    /// <summary>Copies <paramref name="stdin"/> to <see cref="Input"/> until its end, then waits for the answers and ends <see cref="Input"/>.</summary>
    public async Task PumpAsync(Stream stdin, CancellationToken cancellationToken)
    {
        try
        {
            using var reader = new StreamReader(stdin, leaveOpen: true);
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                var bytes = System.Text.Encoding.UTF8.GetBytes(line + "\n");
                switch (JsonRpcLines.Classify(bytes))
                {
                    case JsonRpcLine.Request:
                        Interlocked.Increment(ref _unanswered);
                        break;
                    case JsonRpcLine.Cancellation:
                        Answered();
                        break;
                }

                await _input.Writer.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            }

            while (Volatile.Read(ref _unanswered) > 0)
            {
                await _answered.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await _input.Writer.CompleteAsync().ConfigureAwait(false);
        }
    }

    public void Dispose() => _answered.Dispose();

    private void Answered()
    {
        Interlocked.Decrement(ref _unanswered);
        _answered.Release();
    }
}
