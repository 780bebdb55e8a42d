using System.Globalization;

namespace Grounded.Bench.Load.Rig;

/// <summary>What /proc says about a process: CPU seconds, resident memory, open handles, threads, children.</summary>
internal static class ProcStat
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>utime + stime (+ cutime + cstime: children it has waited for), in seconds; NaN when the process is gone.</summary>
    public static double CpuSeconds(int pid, bool withChildren)
    {
        var fields = Fields(pid);
        if (fields is null)
        {
            return double.NaN;
        }

        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        if (withChildren)
        {
            ticks += long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
        }

        return ticks / TicksPerSecond;
    }

    public static IEnumerable<int> Children(int parent)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Fields(pid) is { } fields && fields[1] == parent.ToString(CultureInfo.InvariantCulture))
            {
                yield return pid;
            }
        }
    }

    /// <summary>Resident set size in MiB (VmRSS), or its peak (VmHWM).</summary>
    public static double MemoryMb(int pid, string key = "VmRSS:") => Status(pid, key) / 1024;

    public static int Threads(int pid) => (int)Status(pid, "Threads:");

    public static int Handles(int pid)
    {
        try
        {
            return Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd").Count();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return -1;
        }
    }

    private static double Status(int pid, string key)
    {
        try
        {
            return File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith(key, StringComparison.Ordinal))
                .Select(l => double.Parse(l.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture)).FirstOrDefault();
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }

    // The fields after the command name (which may hold spaces): [0] state, [1] ppid, ... [11] utime, [12] stime, [13] cutime, [14] cstime.
    private static string[]? Fields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }
}
