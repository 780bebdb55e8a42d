using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Grounded.Bench.Load.Rig;

namespace Grounded.Bench.Load.Traffic;

/// <summary>One request to send: its kind and how to build it for a replica's address.</summary>
internal sealed record Planned(Kind Kind, Func<Uri, HttpRequestMessage> Build);

/// <summary>
/// Open-loop load: request i is due at start + i/rate whatever happened to the earlier ones, so a slow server cannot slow
/// the generator down and hide its queueing. A dedicated thread wakes every ~1 ms and sends what is due through the
/// balancer; latency is timed from the actual send, and the lag between due and sent is kept to show when the generator
/// itself fell behind.
/// </summary>
internal sealed class Generator(HttpClient client, Balancer balancer)
{
    public async Task<IReadOnlyList<Outcome>> RunAsync(int rate, TimeSpan duration, Func<long, Planned> plan, CancellationToken ct = default)
    {
        var n = (int)(rate * duration.TotalSeconds);
        var outcomes = new Outcome[n];
        var tasks = new Task[n];
        var interval = Stopwatch.Frequency / (double)rate;
        var start = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 50;
        var sent = 0;
        var sender = new Thread(() =>
        {
            for (var i = 0; i < n && !ct.IsCancellationRequested; i++)
            {
                var due = start + (long)(i * interval);
                while (Stopwatch.GetTimestamp() < due)
                {
                    Thread.Sleep(1);
                }

                var planned = plan(i);
                var replica = balancer.Pick();
                var now = Stopwatch.GetTimestamp();
                var outcome = outcomes[i] = new Outcome(planned.Kind, replica.Index, Seconds(due - start), Seconds(now - start));
                tasks[i] = SendAsync(outcome, planned.Build(replica.Url), now);
                sent = i + 1;
            }
        }) { IsBackground = true, Priority = ThreadPriority.AboveNormal, Name = "open-loop" };
        sender.Start();
        await Task.Run(sender.Join, CancellationToken.None);
        await Task.WhenAll(tasks.Take(sent));
        return [.. outcomes.Take(sent)];
    }

    private async Task SendAsync(Outcome outcome, HttpRequestMessage request, long sent)
    {
        try
        {
            using (request)
            using (var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead))
            {
                outcome.Status = (int)response.StatusCode;
                outcome.Cache = Header(response, "x-grounded-cache");
                outcome.Model = Header(response, "x-grounded-model");
                outcome.CostUsd = double.TryParse(Header(response, "x-grounded-cost-usd"), NumberStyles.Float, CultureInfo.InvariantCulture, out var cost) ? cost : 0;
                if (!response.IsSuccessStatusCode)
                {
                    var body = await response.Content.ReadAsStringAsync();
                    outcome.Error = $"http_{outcome.Status}";
                    outcome.Detail = body.Length > 600 ? body[..600] : body;
                }
                else if (response.Content.Headers.ContentType?.MediaType == "text/event-stream")
                {
                    outcome.Error = await ReadStreamAsync(response, outcome, sent);
                }
                else
                {
                    await response.Content.ReadAsByteArrayAsync();
                }
            }
        }
        catch (TaskCanceledException)
        {
            outcome.Error = "timeout";
        }
        catch (HttpRequestException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
        {
            outcome.Error = "connection_refused";
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            outcome.Error = "connection_closed";
            outcome.Detail = e.Message;
        }

        outcome.LatencyMs = Seconds(Stopwatch.GetTimestamp() - sent) * 1000;
    }

    /// <summary>Reads an SSE body to its end: null when it ended with [DONE]; <c>stream_error</c> when the server said it failed; <c>stream_truncated</c> when it just stopped.</summary>
    private static async Task<string?> ReadStreamAsync(HttpResponseMessage response, Outcome outcome, long sent)
    {
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(), Encoding.UTF8);
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line == "data: [DONE]")
            {
                return null;
            }

            if (line.StartsWith("data: {\"error\"", StringComparison.Ordinal) || line.StartsWith("data: {\"type\":\"error\"", StringComparison.Ordinal) || line.StartsWith("event: error", StringComparison.Ordinal))
            {
                outcome.Detail = line.Length > 240 ? line[..240] : line;
                return "stream_error";
            }

            if (double.IsNaN(outcome.FirstTokenMs) && line.Contains("\"content\":\"", StringComparison.Ordinal))
            {
                outcome.FirstTokenMs = Seconds(Stopwatch.GetTimestamp() - sent) * 1000;
            }
        }

        return "stream_truncated";
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static double Seconds(long ticks) => ticks / (double)Stopwatch.Frequency;
}
