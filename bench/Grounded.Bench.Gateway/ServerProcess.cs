using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Grounded.Bench.Gateway;

/// <summary><c>grounded serve</c> as its own process (as users run it), so that its memory can be read from /proc.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private long _lines;

    private ServerProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    public long LogLines => Interlocked.Read(ref _lines);

    /// <param name="discardLogs">Sends the server's output to /dev/null instead of draining it here, to tell a slow log reader from the server.</param>
    public static async Task<ServerProcess> StartAsync(string cli, string config, string home, bool discardLogs = false)
    {
        var port = FreePort();
        var url = new Uri($"http://127.0.0.1:{port}");
        var start = discardLogs
            ? new ProcessStartInfo("sh") { ArgumentList = { "-c", "exec dotnet \"$@\" >/dev/null 2>&1", "sh" }, UseShellExecute = false }
            : new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { cli, "serve", "--config", config, "--urls", url.ToString().TrimEnd('/') })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["GROUNDED_HOME"] = home;
        start.Environment["OPENAI_API_KEY"] = "sk-bench";
        var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start dotnet");
        var server = new ServerProcess(process, url);
        // Logs are drained and counted, as a log shipper would read them.
        if (!discardLogs)
        {
            process.OutputDataReceived += (_, e) => Interlocked.Increment(ref server._lines);
            process.ErrorDataReceived += (_, e) => Interlocked.Increment(ref server._lines);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 300; i++)
        {
            try
            {
                if ((await probe.GetAsync(new Uri(url, "/healthz")).ConfigureAwait(false)).IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (process.HasExited)
            {
                throw new InvalidOperationException($"grounded serve exited with {process.ExitCode}");
            }

            await Task.Delay(100).ConfigureAwait(false);
        }

        throw new TimeoutException("grounded serve did not become healthy in 30 s");
    }

    /// <summary>Returns the resident set size and its peak so far, in MiB, from /proc.</summary>
    public (double Rss, double Peak) Memory()
    {
        double Read(string key) => File.ReadLines($"/proc/{_process.Id}/status").Where(l => l.StartsWith(key, StringComparison.Ordinal))
            .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024).FirstOrDefault();
        return (Read("VmRSS:"), Read("VmHWM:"));
    }

    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
