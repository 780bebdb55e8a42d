namespace Grounded.Bench.Gateway;

/// <summary>What one server cost while its own phases ran: peak RSS, and CPU over the non-streaming phases.</summary>
internal sealed class ServerLoad(double idleRss)
{
    public double IdleRss { get; } = idleRss;

    public double PeakRss { get; set; }

    public TimeSpan Cpu { get; set; }

    public TimeSpan Elapsed { get; set; }

    /// <summary>Gets or sets the requests sent over the phases <see cref="Cpu"/> was read over.</summary>
    public long Requests { get; set; }

    /// <summary>Gets the server's CPU milliseconds per 1,000 requests.</summary>
    public double CpuMsPer1000 => Cpu.TotalMilliseconds / Math.Max(Requests, 1) * 1000;

    public double CpuPercent => Cpu.TotalSeconds / Math.Max(Elapsed.TotalSeconds, 1e-9) * 100;
}
