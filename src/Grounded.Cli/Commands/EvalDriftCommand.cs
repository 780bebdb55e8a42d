using System.ComponentModel;
using System.Globalization;
using Grounded.Cli.Output;
using Grounded.Evaluation.Drift;
using Grounded.Hosting.Config;
using Spectre.Console;

namespace Grounded.Cli.Commands;

/// <summary><c>grounded eval drift --since 7d</c>: recent traffic (the query log) against the window before it.</summary>
[Description("Compare recent traffic with a reference window (query embeddings, retrieval scores, abstentions, guard triggers, grounding scores) and flag significant shifts")]
internal sealed class EvalDriftCommand : GroundedCommand<EvalDriftSettings>
{
    protected override async Task<int> RunAsync(EvalDriftSettings settings, CancellationToken cancellationToken)
    {
        var since = Window("--since", settings.Since);
        var length = Window("--reference", settings.Reference);
        await using var stack = OpenStack(settings, o => o with { QueryLog = false });
        var log = await stack.GetAccessAsync(cancellationToken).ConfigureAwait(false);
        var now = TimeProvider.System.GetUtcNow();
        var start = now - since;
        var recent = await log.ReadQueriesAsync(start, now.AddTicks(1), settings.Tenant, cancellationToken).ConfigureAwait(false);
        var reference = await log.ReadQueriesAsync(start - length, start, settings.Tenant, cancellationToken).ConfigureAwait(false);
        var report = DriftAnalyzer.Compare(recent, reference);
        if (settings.Json)
        {
            JsonOutput.Write(new
            {
                recent = Window(report.Recent, start, now),
                reference = Window(report.Reference, start - length, start),
                signals = report.Signals.Select(s => new
                {
                    name = s.Name, recent = Round(s.Recent), reference = Round(s.Reference), delta = Round(s.Delta),
                    pValue = s.PValue is { } p ? Math.Round(p, 6) : (double?)null, flagged = s.Flagged, minimumEffect = s.MinimumEffect,
                }),
                drifted = report.Drifted,
                message = report.Message,
            });
            return Exit(report, settings);
        }

        Print(report, settings);
        return Exit(report, settings);
    }

    // --fail-on-drift makes a flagged shift a failure a scheduler notices; the report above is the explanation.
    private static int Exit(DriftReport report, EvalDriftSettings settings)
    {
        if (settings.FailOnDrift && report.Drifted)
        {
            CliConsole.Error("drift flagged (--fail-on-drift): " + string.Join(", ", report.Signals.Where(s => s.Flagged).Select(s => s.Name)));
            return ExitCodes.UserError;
        }

        return ExitCodes.Success;
    }

    private static TimeSpan Window(string flag, string text) =>
        Durations.TryParse(text, out var window) && window > TimeSpan.Zero ? window : throw new UserInputException($"{flag}: '{text}' is not a duration (e.g. 7d, 12h)");

    private static object Window(WindowSummary w, DateTimeOffset from, DateTimeOffset to) => new
    {
        n = w.N, from, to, spread = Round(w.Spread), topScore = Round(w.TopScore), abstentionRate = Round(w.AbstentionRate),
        guardTriggerRate = Round(w.GuardTriggerRate), groundingScore = Round(w.GroundingScore),
    };

    private static void Print(DriftReport report, EvalDriftSettings settings)
    {
        CliConsole.Out.WriteLine($"recent: last {settings.Since}, {report.Recent.N} questions; reference: the {settings.Reference} before, {report.Reference.N} questions");
        if (report.Message is { } message)
        {
            CliConsole.Out.WriteLine(message);
            return;
        }

        var table = new Table().AddColumns("signal", "recent", "reference", "delta", "p", "flagged");
        foreach (var s in report.Signals)
        {
            table.AddRow(s.Name, Format(s.Recent), Format(s.Reference), Format(s.Delta), s.PValue is { } p ? p.ToString("0.0000", CultureInfo.InvariantCulture) : "n/a",
                s.Flagged ? "[red]yes[/]" : "no");
        }

        CliConsole.Out.Write(table);
        CliConsole.Out.WriteLine(report.Drifted
            ? "drift: at least one signal changed significantly (p < 0.01) and by more than its minimum effect"
            : "no drift: no signal changed both significantly and by more than its minimum effect");
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 4) : null;

    private static string Format(double? value) => value is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "n/a";
}
