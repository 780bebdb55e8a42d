namespace Grounded.Bench.Gateway;

/// <summary>What one server cost while its own phases ran: peak RSS, and CPU over the non-streaming phases.</summary>
internal sealed class ServerLoad(double idleRss)
{
    public double IdleRss { get; } = idleRss;

    public double PeakRss { get; set; }

    public TimeSpan Cpu { get; set; }

    public TimeSpan Elapsed { get; set; }

    public double CpuPercent => Cpu.TotalSeconds / Math.Max(Elapsed.TotalSeconds, 1e-9) * 100;
}
