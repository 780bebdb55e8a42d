using Grounded.Rag.Ingest;
using Spectre.Console;

namespace Grounded.Cli.Output;

/// <summary>Shows ingestion progress as a Spectre.Console bar on stderr when it is a terminal; silent otherwise.</summary>
internal static class IngestProgressBar
{
    public static async Task<T> RunAsync<T>(string title, Func<IProgress<IngestProgress>?, Task<T>> work)
    {
        if (!CliConsole.CanShowProgress)
        {
            return await work(null).ConfigureAwait(false);
        }

        return await CliConsole.Err.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(title), maxValue: 1);
                var progress = new Progress<IngestProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.FilesTotal);
                    task.Value = p.FilesDone;
                    task.Description = Markup.Escape(p.Current is null ? title : $"{title} {Shorten(p.Current)}");
                });
                var result = await work(progress).ConfigureAwait(false);
                task.Value = task.MaxValue;
                task.Description = Markup.Escape(title);
                return result;
            }).ConfigureAwait(false);
    }

    private static string Shorten(string path) => path.Length <= 40 ? path : "…" + path[^39..];
}
