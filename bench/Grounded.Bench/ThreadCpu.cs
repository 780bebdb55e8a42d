using System.Runtime.InteropServices;

namespace Grounded.Bench;

/// <summary>The calling thread's CPU time (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>), to tell cost from waiting on a busy machine.</summary>
internal static class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    /// <summary>Gets whether the clock can be read here (Linux).</summary>
    public static bool Available { get; } = OperatingSystem.IsLinux();

    /// <summary>Returns the thread's CPU time in microseconds, or -1 where it cannot be read.</summary>
    public static double Microseconds()
    {
        if (!Available || ClockGetTime(ClockThreadCpuTimeId, out var time) != 0)
        {
            return -1;
        }

        return (time.Seconds * 1e6) + (time.Nanoseconds / 1e3);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}
