using System.Globalization;
using System.Text.Json;
using Grounded.Hosting;
using Grounded.Hosting.Agents;
using Grounded.Hosting.Config;
using Grounded.Testing;

namespace Grounded.Bench;

/// <summary>
/// The committed agent task set (<c>eval/agents/tasks.jsonl</c>) against a real model: the bundled docs indexed into a fresh
/// store, the orders test service started here, every agent run on <c>--model</c> (a model or route of <c>--config</c>);
/// the scripted-only tasks (loops and bad arguments on purpose) are skipped. Prints the report as JSON.
/// </summary>
internal static class AgentTasks
{
    private const string Usage = "usage: agent-tasks --config FILE [--model NAME] [--tasks eval/agents/tasks.jsonl] [--docs docs] [--store DIR] [--only ID,ID] [--json FILE]";

    private static readonly JsonSerializerOptions Indented = new(AgentTaskReader.Json) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<int> RunAsync(string[] args)
    {
        Args options;
        try
        {
            options = Args.Parse(args);
        }
        catch (Exception error) when (error is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(Usage);
            return 1;
        }

        var tasksFile = options.Get("tasks", Path.Combine("eval", "agents", "tasks.jsonl"));
        var tasks = AgentTaskReader.Read(tasksFile);
        if (options.Get("only") is { } only)
        {
            var ids = only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            tasks = [.. tasks.Where(t => ids.Contains(t.Id, StringComparer.Ordinal))];
        }

        var configured = GroundedConfig.Load(options.Get("config"));
        var store = options.Get("store") ?? Directory.CreateTempSubdirectory("agent-tasks-").FullName;
        await using var orders = await OpenApiTestService.StartAsync();
        await using var stack = GroundedStack.Create(configured with { Rag = configured.Rag with { Store = store } });
        var indexed = await AgentTaskSet.IndexDocsIfEmptyAsync(stack, options.Get("docs", "docs"));
        Console.Error.WriteLine($"store {store}: indexed {indexed} documents; orders service at {orders.BaseUrl}");
        var report = await AgentTaskSet.RunAsync(stack, tasks, new AgentTaskRunOptions
        {
            AgentsFolder = Path.GetDirectoryName(Path.GetFullPath(tasksFile))!,
            Variables = new Dictionary<string, string> { ["ORDERS_API_URL"] = orders.BaseUrl.AbsoluteUri.TrimEnd('/') },
            Model = options.Get("model"),
        });
        foreach (var r in report.Results.Where(r => !r.Skipped))
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(r.Passed ? "pass" : "FAIL")} {r.Id,-28} [{string.Join(", ", r.Tools)}] {r.Ms} ms {string.Join("; ", r.Problems)}"));
        }

        var text = JsonSerializer.Serialize(report, Indented);
        Console.WriteLine(text);
        if (options.Get("json") is { } json)
        {
            await File.WriteAllTextAsync(json, text);
        }

        return 0;
    }
}
