using System.ComponentModel;
using System.Globalization;
using Grounded.Cli.Output;
using Grounded.Evaluation.Agreement;
using Grounded.Evaluation.Datasets;
using Spectre.Console;

namespace Grounded.Cli.Commands;

/// <summary><c>grounded eval agreement --judge FILE --human FILE</c>: how far a judge's grades agree with a human's.</summary>
[Description("Measure a judge against human grades: Cohen's kappa, weighted kappa, Spearman correlation and the confusion matrix")]
internal sealed class EvalAgreementCommand : GroundedCommand<EvalAgreementSettings>
{
    protected override Task<int> RunAsync(EvalAgreementSettings settings, CancellationToken cancellationToken)
    {
        AgreementReport report;
        try
        {
            report = JudgeAgreement.Compare(GradesFile.Read(settings.Judge), GradesFile.Read(settings.Human), settings.Scale is null ? null : JudgeAgreement.ParseScale(settings.Scale));
        }
        catch (DatasetException error)
        {
            throw new UserInputException(error.Message);
        }

        if (settings.Json)
        {
            JsonOutput.Write(new
            {
                n = report.N,
                kappa = Round(report.Kappa),
                weightedKappa = new { quadratic = Round(report.WeightedKappa.Quadratic), linear = Round(report.WeightedKappa.Linear) },
                spearman = Round(report.Spearman),
                agreement = Round(report.Agreement),
                labels = report.Labels,
                confusion = report.Confusion,
                unmatched = new { judge = report.Unmatched.Judge, human = report.Unmatched.Human },
            });
            return Task.FromResult(ExitCodes.Success);
        }

        Print(report);
        return Task.FromResult(ExitCodes.Success);
    }

    private static void Print(AgreementReport report)
    {
        var summary = new Table().AddColumns("measure", "value");
        summary.AddRow("items compared", report.N.ToString(CultureInfo.InvariantCulture));
        summary.AddRow("agreement", Format(report.Agreement));
        summary.AddRow("Cohen's kappa", Format(report.Kappa));
        summary.AddRow("weighted kappa (quadratic)", Format(report.WeightedKappa.Quadratic));
        summary.AddRow("weighted kappa (linear)", Format(report.WeightedKappa.Linear));
        summary.AddRow("Spearman", Format(report.Spearman));
        CliConsole.Out.Write(summary);

        CliConsole.Out.WriteLine("Confusion matrix: human grades as rows, judge grades as columns");
        var confusion = new Table().AddColumn("human \\ judge");
        foreach (var label in report.Labels)
        {
            confusion.AddColumn(Label(label), c => c.RightAligned());
        }

        for (var i = 0; i < report.Labels.Count; i++)
        {
            confusion.AddRow([Label(report.Labels[i]), .. report.Confusion[i].Select(c => c.ToString(CultureInfo.InvariantCulture))]);
        }

        CliConsole.Out.Write(confusion);
        Unmatched("judge", report.Unmatched.Judge);
        Unmatched("human", report.Unmatched.Human);
    }

    private static void Unmatched(string who, IReadOnlyList<string> ids)
    {
        if (ids.Count > 0)
        {
            CliConsole.Out.MarkupLineInterpolated($"{ids.Count} id(s) graded by the {who} only, left out: {string.Join(", ", ids.Take(10))}{(ids.Count > 10 ? ", …" : string.Empty)}");
        }
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 4) : null;

    private static string Format(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "n/a (undefined)";

    private static string Label(double value) => value.ToString(CultureInfo.InvariantCulture);
}
