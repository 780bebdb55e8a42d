namespace Grounded.Hosting.Config;

// monitoring: as written in the YAML file.
internal sealed class MonitoringDocument
{
    public string? JudgeModel { get; set; }
    public double? JudgeSampleRate { get; set; }
}
