namespace Grounded.Hosting.Config;

// monitoring: as written in the YAML file.
internal sealed class MonitoringDocument
{
    public bool? Metrics { get; set; }
    public string? JudgeModel { get; set; }
    public double? JudgeSampleRate { get; set; }
}
