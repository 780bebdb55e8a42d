using Spectre.Console;

namespace Grounded.Cli.Output;

/// <summary>Shows how many of a run's queries are done as a Spectre.Console bar on stderr when it is a terminal; silent otherwise.</summary>
internal static class QueryProgress
{
    public static async Task<T> RunAsync<T>(string title, int total, Func<IProgress<int>?, Task<T>> work)
    {
        if (!CliConsole.CanShowProgress)
        {
            return await work(null).ConfigureAwait(false);
        }

        return await CliConsole.Err.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(title), maxValue: Math.Max(1, total));
                var result = await work(new Progress<int>(done => task.Value = done)).ConfigureAwait(false);
                task.Value = task.MaxValue;
                return result;
            }).ConfigureAwait(false);
    }
}
