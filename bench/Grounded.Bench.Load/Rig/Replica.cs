using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Grounded.Bench.Load.Rig;

/// <summary>
/// One <c>grounded serve</c> process on a loopback port, started as users start it (<c>dotnet grounded.dll serve</c>),
/// its output in a log file; it can be signalled (SIGTERM for a rolling restart, SIGKILL for a crash) and started again on the same port.
/// </summary>
internal sealed partial class Replica : IAsyncDisposable
{
    private const int SigTerm = 15;
    private const int SigKill = 9;
    private readonly string _cli;
    private readonly string _config;
    private readonly string _log;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private Process? _process;

    public Replica(int index, string cli, string config, string work, IReadOnlyDictionary<string, string> environment)
    {
        Index = index;
        _cli = cli;
        _config = config;
        _log = Path.Combine(work, $"replica-{index}.log");
        _environment = environment;
        Url = new Uri($"http://127.0.0.1:{FreePort()}");
    }

    public int Index { get; }

    public Uri Url { get; }

    /// <summary>Gets whether the process runs (it may not be ready yet, or may be draining).</summary>
    public bool Running => _process is { HasExited: false };

    public int Pid => _process?.Id ?? -1;

    public string LogFile => _log;

    public async Task StartAsync(TimeSpan? within = null)
    {
        var start = new ProcessStartInfo("sh") { UseShellExecute = false };
        foreach (var arg in new[] { "-c", "exec dotnet \"$@\" >>\"$LOG\" 2>&1", "sh", _cli, "serve", "--config", _config, "--urls", Url.ToString().TrimEnd('/') })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["LOG"] = _log;
        start.Environment["OPENAI_API_KEY"] = "sk-load";
        foreach (var (name, value) in _environment)
        {
            start.Environment[name] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("cannot start dotnet");
        await WaitReadyAsync(within ?? TimeSpan.FromSeconds(60));
    }

    /// <summary>Waits until /readyz answers 200.</summary>
    public async Task WaitReadyAsync(TimeSpan within)
    {
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.GetTimestamp() + (long)(within.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (await IsReadyAsync(probe))
            {
                return;
            }

            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"replica {Index} exited with {_process.ExitCode}: {LastLogLines()}");
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"replica {Index} was not ready within {within.TotalSeconds:0} s: {LastLogLines()}");
    }

    public async Task<bool> IsReadyAsync(HttpClient probe)
    {
        try
        {
            using var response = await probe.GetAsync(new Uri(Url, "/readyz"));
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>SIGTERM: what an orchestrator sends for a rolling restart.</summary>
    public void Terminate() => Signal(SigTerm);

    /// <summary>SIGKILL: a crash, no chance to clean up.</summary>
    public void Kill() => Signal(SigKill);

    public async Task<bool> WaitForExitAsync(TimeSpan within)
    {
        if (_process is null)
        {
            return true;
        }

        using var timeout = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public double RssMb() => Running ? ProcStat.MemoryMb(Pid) : double.NaN;

    public double PeakRssMb() => Running ? ProcStat.MemoryMb(Pid, "VmHWM:") : double.NaN;

    public int Handles() => Running ? ProcStat.Handles(Pid) : -1;

    public double CpuSeconds() => Running ? ProcStat.CpuSeconds(Pid, withChildren: false) : double.NaN;

    public string LastLogLines(int count = 5) =>
        File.Exists(_log) ? string.Join(" | ", File.ReadLines(_log).TakeLast(count)) : "(no log)";

    public async ValueTask DisposeAsync()
    {
        if (Running)
        {
            Kill();
            await WaitForExitAsync(TimeSpan.FromSeconds(10));
        }

        _process?.Dispose();
    }

    private void Signal(int signal)
    {
        if (Running)
        {
            _ = SendSignal(_process!.Id, signal);
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
