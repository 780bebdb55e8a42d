using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace Grounded.Bench.Gateway;

/// <summary>
/// Fixed-rate, open-loop load: request i is due at start + i/rate whatever happened to the earlier ones (a slow
/// server cannot slow the generator down and hide its own latency). A dedicated thread wakes every ~1 ms and sends
/// what is due, so the generator does not spin on a core the server needs. Latency is timed from the actual send;
/// the lag between due and sent is reported separately, to show when the generator itself falls behind.
/// </summary>
internal sealed class OpenLoop(HttpClient client)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public async Task<Phase> RunAsync(string target, Uri url, byte[] body, bool stream, int rate, TimeSpan duration)
    {
        var n = (int)(rate * duration.TotalSeconds);
        var latency = new double[n];
        var firstToken = new double[n];
        var lag = new double[n];
        var failed = new bool[n];
        var tasks = new Task[n];
        var interval = Stopwatch.Frequency / (double)rate;
        var start = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 50;
        var sender = new Thread(() =>
        {
            for (var i = 0; i < n; i++)
            {
                var due = start + (long)(i * interval);
                while (Stopwatch.GetTimestamp() < due)
                {
                    Thread.Sleep(1);
                }

                var sent = Stopwatch.GetTimestamp();
                lag[i] = Ms(sent - due);
                tasks[i] = SendAsync(i, sent);
            }
        }) { IsBackground = true, Priority = ThreadPriority.AboveNormal, Name = "open-loop" };
        sender.Start();
        sender.Join();
        await Task.WhenAll(tasks).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var ok = Enumerable.Range(0, n).Where(i => !failed[i]).ToArray();
        return new Phase(target, rate, n, n - ok.Length, [.. ok.Select(i => latency[i])], stream ? [.. ok.Select(i => firstToken[i])] : [], lag, elapsed);

        async Task SendAsync(int i, long sent)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = Json;
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    failed[i] = true;
                    await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                    return;
                }

                if (stream)
                {
                    failed[i] = !await ReadStreamAsync(response, () => firstToken[i] = Ms(Stopwatch.GetTimestamp() - sent)).ConfigureAwait(false);
                }
                else
                {
                    await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                }

                latency[i] = Ms(Stopwatch.GetTimestamp() - sent);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                failed[i] = true;
            }
        }
    }

    /// <summary>Reads an SSE body; calls <paramref name="onFirstToken"/> at the first chunk carrying content; true when it ends with [DONE].</summary>
    private static async Task<bool> ReadStreamAsync(HttpResponseMessage response, Action onFirstToken)
    {
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync().ConfigureAwait(false), Encoding.UTF8);
        var first = true;
        var done = false;
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            if (first && line.StartsWith("data: {", StringComparison.Ordinal) && line.Contains("\"content\":\"", StringComparison.Ordinal))
            {
                onFirstToken();
                first = false;
            }

            done |= line == "data: [DONE]";
        }

        return done && !first;
    }

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
