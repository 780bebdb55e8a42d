namespace Grounded.Hosting.Config;

// feedback: as written in the YAML file.
internal sealed class FeedbackDocument
{
    public string? Window { get; set; }
}
