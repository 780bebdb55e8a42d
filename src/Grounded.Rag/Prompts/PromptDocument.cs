namespace Grounded.Rag.Prompts;

// A prompt file as written: every value optional and loosely typed, so that validation can list every problem at once.
#pragma warning disable CA2227 // YamlDotNet needs settable collections.
internal sealed class PromptDocument
{
    public string? Id { get; set; }
    public string? Version { get; set; }
    public string? Author { get; set; }
    public string? Description { get; set; }
    public string? Model { get; set; }
    public ParametersDocument Parameters { get; set; } = new();
    public List<string>? Variables { get; set; }
    public TemplateDocument? Template { get; set; }
    public EvaluationDocument? Evaluation { get; set; }
}

internal sealed class ParametersDocument
{
    public double? Temperature { get; set; }
    public double? TopP { get; set; }
    public int? MaxTokens { get; set; }
}

internal sealed class TemplateDocument
{
    public string? System { get; set; }
    public string? User { get; set; }
}

internal sealed class EvaluationDocument
{
    public string? Dataset { get; set; }
    public string? Metric { get; set; }
    public double? Score { get; set; }
}
#pragma warning restore CA2227
