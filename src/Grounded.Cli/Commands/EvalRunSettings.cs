using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Grounded.Cli.Commands;

/// <summary>Options of <c>grounded eval run</c>.</summary>
internal sealed partial class EvalRunSettings : StoreSettings
{
    [CommandOption("--dataset <FILE>")]
    [Description("JSON Lines, one {\"question\", \"answers\": [[...]], \"sources\": [[...]], \"tags\": [[...]], \"id\"} per line; \"answers\": [[]] marks a question the documents do not answer")]
    public string Dataset { get; init; } = string.Empty;

    [CommandOption("--prompt <ID[@VER]>")]
    [Description("Answer with this registry prompt version, as ID@VERSION (or ID: its active version); it needs a model (--model, the prompt's own, or rag.model). Recorded in the report as id@version")]
    public string? Prompt { get; init; }

    [CommandOption("--model <NAME>")]
    [Description("Answer with this model or route of the config (with --config or $GROUNDED_CONFIG). Default: the config's rag.model, else the extractive answerer")]
    public string? Model { get; init; }

    [CommandOption("--judge-model <NAME>")]
    [Description("Also score every answer with this model of the config as an LLM judge (judge_score, 0..1); verdicts are cached")]
    public string? JudgeModel { get; init; }

    [CommandOption("--repeat <N>")]
    [Description("Verdicts the judge gives per answer (their variance is reported). Default: 1")]
    [DefaultValue(1)]
    public int Repeat { get; init; } = 1;

    [CommandOption("--baseline <FILE>")]
    [Description("A previous run's --json output (or {\"metrics\": {...}}): exit 1 when a metric falls below baseline - tolerance")]
    public string? Baseline { get; init; }

    [CommandOption("--tolerance <T>")]
    [Description("How far below the baseline a metric may fall. Default: 0.02")]
    [DefaultValue(0.02)]
    public double Tolerance { get; init; } = 0.02;

    [CommandOption("--html <FILE>")]
    [Description("Also write a self-contained HTML report to FILE")]
    public string? Html { get; init; }

    [CommandOption("--no-save")]
    [Description("Do not save the run's report in the store (saved runs are listed by GET /v1/evaluations)")]
    public bool NoSave { get; init; }

    [CommandOption("--tenant <TENANT>")]
    [Description("The tenant the saved run belongs to: only its keys see it over HTTP. Default: default")]
    public string? Tenant { get; init; }

    [CommandOption("-k|--top-k <K>")]
    [Description("How many chunks each answer is written from. Default: the config's rag.topK, else 5")]
    public int? TopK { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Dataset) ? ValidationResult.Error("--dataset FILE is required")
        : Prompt is not null && !PromptRef().IsMatch(Prompt) ? ValidationResult.Error($"--prompt must be ID or ID@VERSION, such as grounded-answer@1.2.0 (got \"{Prompt}\")")
        : Repeat is < 1 or > 20 ? ValidationResult.Error($"--repeat must be between 1 and 20 (got {Repeat})")
        : Tolerance is < 0 or > 1 || double.IsNaN(Tolerance) ? ValidationResult.Error($"--tolerance must be between 0 and 1 (got {Tolerance.ToString(CultureInfo.InvariantCulture)})")
        : Tenant is not null && Grounded.Access.Tenants.Problem(Tenant, "--tenant") is { } tenant ? ValidationResult.Error(tenant)
        : TopK is < 1 or > 1000 ? ValidationResult.Error($"--top-k must be between 1 and 1000 (got {TopK})")
        : ValidationResult.Success();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*(@\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?)?$")]
    private static partial Regex PromptRef();
}
