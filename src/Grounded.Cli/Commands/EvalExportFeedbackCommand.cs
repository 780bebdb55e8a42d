using System.ComponentModel;
using Grounded.Cli.Output;
using Grounded.Evaluation.Answers;
using Grounded.Feedback;
using Spectre.Console;

namespace Grounded.Cli.Commands;

/// <summary><c>grounded eval export-feedback --since 30d</c>: rated answers as an evaluation data set for <c>grounded eval run</c>.</summary>
[Description("Export feedback on answers as an evaluation data set (JSON Lines for eval run --dataset): up-rated answers become expected answers, down-rated ones items to review")]
internal sealed class EvalExportFeedbackCommand : GroundedCommand<EvalExportFeedbackSettings>
{
    /// <summary>The most feedback rows read in one export.</summary>
    public const int MaxRows = 100_000;

    protected override async Task<int> RunAsync(EvalExportFeedbackSettings settings, CancellationToken cancellationToken)
    {
        if (!Durations.TryParse(settings.Since, out var since) || since <= TimeSpan.Zero)
        {
            throw new UserInputException($"--since: '{settings.Since}' is not a duration (e.g. 30d, 12h)");
        }

        if (settings.Rating is not ("up" or "down" or "all"))
        {
            throw new UserInputException($"--rating: '{settings.Rating}' is not up, down or all");
        }

        await using var stack = OpenStack(settings, o => o with { QueryLog = false });
        var store = await stack.GetAccessAsync(cancellationToken).ConfigureAwait(false);
        var now = TimeProvider.System.GetUtcNow();
        var rows = await store.ReadFeedbackAsync(now - since, now.AddTicks(1), settings.Tenant, MaxRows, cancellationToken).ConfigureAwait(false);
        var wanted = rows.Where(r => settings.Rating == "all" || r.Rating == settings.Rating).ToList();
        var (lines, skipped) = FeedbackDataset.Lines(wanted, includeDown: settings.Rating != FeedbackRatings.Up);
        if (settings.Out is { } path)
        {
            await File.WriteAllLinesAsync(path, lines, cancellationToken).ConfigureAwait(false);
        }

        if (settings.Json)
        {
            JsonOutput.Write(new { items = lines.Count, skipped, rating = settings.Rating, since = settings.Since, @out = settings.Out });
        }
        else if (settings.Out is null)
        {
            foreach (var line in lines)
            {
                Console.Out.WriteLine(line); // whole lines: the console's wrapping would break long JSON
            }
        }
        else
        {
            CliConsole.Out.WriteLine($"{lines.Count} items written to {settings.Out}" + (skipped > 0 ? $" ({skipped} ratings skipped: not answers from sources, no question kept, or down-rated abstentions)" : string.Empty));
        }

        return ExitCodes.Success;
    }
}
