using System.ComponentModel;
using System.Globalization;
using Grounded.Cli.Output;
using Grounded.Evaluation.Datasets;
using Grounded.Evaluation.Metrics;
using Grounded.Evaluation.Reports;
using Grounded.Guards.Pii;
using Spectre.Console;

namespace Grounded.Cli.Commands;

/// <summary><c>grounded guard eval --guard pii|injection --dataset FILE</c>: measures a guard's detector on labelled data.</summary>
[Description("Measure a guard's detector on labelled data: precision, recall and F1 (per entity type for pii)")]
internal sealed class GuardEvalCommand : GroundedCommand<GuardEvalSettings>
{
    protected override Task<int> RunAsync(GuardEvalSettings settings, CancellationToken cancellationToken) => settings.Guard switch
    {
        "pii" => Task.FromResult(RunPii(settings)),
        _ => InjectionEvalRunner.RunAsync(settings.Dataset, settings.Json, threshold: null, cancellationToken),
    };

    private static int RunPii(GuardEvalSettings settings)
    {
        IReadOnlyList<PiiSample> samples;
        try
        {
            samples = PresidioDataset.Read(settings.Dataset);
        }
        catch (DatasetException error)
        {
            throw new UserInputException(error.Message);
        }

        var detector = new PiiDetector(new PiiDetectorOptions { UseNameLists = !settings.NoNameLists });
        var report = PiiEvaluator.Evaluate(samples, detector, PiiDetector.SupportedTypes) with { NameLists = !settings.NoNameLists };
        if (settings.Json)
        {
            JsonOutput.Write(report);
            return ExitCodes.Success;
        }

        Print(report, settings.Dataset);
        return ExitCodes.Success;
    }

    private static void Print(PiiEvalReport report, string path)
    {
        var console = CliConsole.Out;
        console.MarkupLine(Markup.Escape($"{path} · {report.Items} texts · name lists {(report.NameLists == true ? "on" : "off")}"));
        var table = new Table().AddColumns("type", "support", "predicted", "precision", "recall", "F1", "token F1");
        foreach (var (type, score) in report.ByType)
        {
            var name = score.Counted ? type : $"{type} (not detected)";
            table.AddRow(Markup.Escape(name), N(score.Support), N(score.Predicted), F(score.Precision), F(score.Recall), F(score.F1), F(score.Tokens.F1));
        }

        table.AddRow("micro (detected types)", string.Empty, string.Empty, F(report.Micro.Precision), F(report.Micro.Recall), F(report.Micro.F1), F(report.MicroTokens.F1));
        console.Write(table);
        console.MarkupLine("[grey]" + Markup.Escape($"matching: {report.Matching}") + "[/]");
        if (report.NotCounted.Count > 0)
        {
            console.MarkupLine("[grey]" + Markup.Escape($"not detected, left out of micro: {string.Join(", ", report.NotCounted)}") + "[/]");
        }

        if (report.MicrosecondsPerText is { } micros)
        {
            console.MarkupLine("[grey]" + Markup.Escape($"detector: {F(micros, "0.0")} µs per text") + "[/]");
        }
    }

    private static string F(double? value, string format = "0.000") => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "–";

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
