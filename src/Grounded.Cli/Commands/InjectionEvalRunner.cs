using System.Globalization;
using Grounded.Cli.Output;
using Grounded.Evaluation;
using Grounded.Evaluation.Datasets;
using Grounded.Evaluation.Reports;
using Grounded.Guards.Injection;
using Grounded.Rag.Embed;
using Spectre.Console;

namespace Grounded.Cli.Commands;

/// <summary>
/// <c>grounded guard eval --guard injection --dataset FILE</c>: runs the shipped injection detector (patterns and the
/// classifier over the int8 arctic-embed-xs model) over a labelled set and reports precision, recall, F1 and the
/// false-positive rate. The dataset is JSON lines <c>{"text","label"}</c> or CSV with <c>prompt</c> and <c>label</c>.
/// </summary>
internal static class InjectionEvalRunner
{
    /// <summary>Evaluates <paramref name="dataset"/> and prints the report (one JSON object when <paramref name="json"/>); returns the exit code.</summary>
    /// <exception cref="UserInputException">The dataset is missing or malformed, or the threshold is out of range.</exception>
    public static async Task<int> RunAsync(string dataset, bool json, double? threshold, CancellationToken cancellationToken)
    {
        var (report, detector) = await EvaluateAsync(dataset, threshold, cancellationToken).ConfigureAwait(false);
        if (json)
        {
            JsonOutput.Write(Json(report, detector));
            return ExitCodes.Success;
        }

        var table = new Table().AddColumns("items", "precision", "recall", "F1", "false-positive rate", "tp", "fp", "tn", "fn");
        table.AddRow(
            Format(report.Items), Format(report.Precision), Format(report.Recall), Format(report.F1), Format(report.FalsePositiveRate),
            Format(report.TruePositives), Format(report.FalsePositives), Format(report.TrueNegatives), Format(report.FalseNegatives));
        CliConsole.Out.MarkupLine($"injection guard · {Markup.Escape(dataset)} · {Markup.Escape(detector.Model)} · threshold {Format(detector.Threshold)}");
        CliConsole.Out.Write(table);
        return ExitCodes.Success;
    }

    /// <summary>Evaluates the detector on <paramref name="dataset"/>, showing progress on a terminal.</summary>
    internal static async Task<(InjectionEvalReport Report, InjectionDetector Detector)> EvaluateAsync(string dataset, double? threshold, CancellationToken cancellationToken)
    {
        IReadOnlyList<LabelledText> items;
        try
        {
            items = InjectionDataset.Read(dataset);
        }
        catch (DatasetException error)
        {
            throw new UserInputException(error.Message);
        }

        var options = new InjectionDetectorOptions { Threshold = threshold };
        if (options.Validate() is { Count: > 0 } problems)
        {
            throw new UserInputException(string.Join("; ", problems));
        }

        using var embedder = EmbeddingModels.ArcticXs(quantized: true);
        var detector = new InjectionDetector(embedder, options);
        var report = await QueryProgress.RunAsync($"Checking {items.Count} texts for injections", items.Count, progress =>
            InjectionEvaluation.EvaluateAsync(items, detector, progress, cancellationToken)).ConfigureAwait(false);
        return (report, detector);
    }

    /// <summary>Returns the JSON object the command prints: the contract's fields first, then the counts and the detector used.</summary>
    internal static object Json(InjectionEvalReport report, InjectionDetector detector) => new
    {
        guard = "injection",
        items = report.Items,
        precision = Math.Round(report.Precision, 4),
        recall = Math.Round(report.Recall, 4),
        f1 = Math.Round(report.F1, 4),
        falsePositiveRate = Math.Round(report.FalsePositiveRate, 4),
        truePositives = report.TruePositives,
        falsePositives = report.FalsePositives,
        trueNegatives = report.TrueNegatives,
        falseNegatives = report.FalseNegatives,
        threshold = detector.Threshold,
        model = detector.Model,
    };

    private static string Format(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}
