using System.Diagnostics;
using Grounded.Agents.Definitions;
using Grounded.Rag.Ingest;

namespace Grounded.Hosting.Agents;

/// <summary>
/// Runs an agent task set (<c>eval/agents/tasks.jsonl</c>) through a stack's agent runtime, one run per task, and scores each
/// run: the tools asked for (the exact sequence, and the expected set's recall), what the answer says, and how it ended.
/// Used by the CI test with a scripted model (the loop's mechanics) and by the bench with a real one.
/// </summary>
internal static class AgentTaskSet
{
    /// <summary>Runs <paramref name="tasks"/> on <paramref name="stack"/>, in order, and returns the report.</summary>
    public static async Task<AgentTaskReport> RunAsync(GroundedStack stack, IReadOnlyList<AgentTask> tasks, AgentTaskRunOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(options);
        var results = new List<AgentTaskResult>(tasks.Count);
        foreach (var task in tasks)
        {
            if (task.ScriptedOnly && !options.Scripted)
            {
                results.Add(new AgentTaskResult(task.Id, false) { Skipped = true });
                continue;
            }

            if (options.BeforeEach is { } before)
            {
                await before(task, cancellationToken).ConfigureAwait(false);
            }

            results.Add(await RunOneAsync(stack, task, options, cancellationToken).ConfigureAwait(false));
        }

        return new AgentTaskReport(options.Model, options.Scripted, results);
    }

    /// <summary>
    /// Indexes the Markdown files of <paramref name="docsFolder"/> into the stack's store when it holds no documents, with ids from
    /// their paths relative to the folder's parent (<c>docs/cli.md</c>), so document ids are the same on every machine.
    /// </summary>
    public static async Task<int> IndexDocsIfEmptyAsync(GroundedStack stack, string docsFolder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var rag = await stack.GetRagAsync(cancellationToken).ConfigureAwait(false);
        if ((await rag.Store.GetStatisticsAsync(cancellationToken).ConfigureAwait(false)).Documents > 0)
        {
            return 0;
        }

        var root = Path.GetDirectoryName(Path.GetFullPath(docsFolder).TrimEnd(Path.DirectorySeparatorChar))!;
        var report = await rag.Ingestion().IngestAsync([docsFolder], new IngestOptions
        {
            SourceBase = root,
            StoredPath = full => Path.GetRelativePath(root, full).Replace('\\', '/'),
        }, cancellationToken: cancellationToken).ConfigureAwait(false);
        return report.Added;
    }

    private static async Task<AgentTaskResult> RunOneAsync(GroundedStack stack, AgentTask task, AgentTaskRunOptions options, CancellationToken cancellationToken)
    {
        var file = Path.GetFullPath(Path.Combine(options.AgentsFolder, task.Agent));
        var started = Stopwatch.GetTimestamp();
        try
        {
            var yaml = AgentFileTemplate.Fill(await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false), options.Variables, options.Model);
            var run = await stack.Agents.StartAsync(yaml, file, task.Task, options.Caller, cancellationToken).ConfigureAwait(false);
            return AgentTaskScore.Of(task, run, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception e) when (e is AgentDefinitionException or InvalidOperationException)
        {
            return new AgentTaskResult(task.Id, false) { Problems = [$"not run: {e.Message.ReplaceLineEndings(" ")}"], Ms = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds };
        }
    }
}
