using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Grounded.Access;
using Grounded.Agents;
using Grounded.Agents.Loop;
using Grounded.Agents.Tools;
using Grounded.Gateway.Cache;
using Grounded.Gateway.Config;
using Grounded.Hosting;
using Grounded.Rag;
using Grounded.Rag.Access;
using Microsoft.Extensions.AI;

namespace Grounded.Bench;

/// <summary>
/// What the agent runtime adds to each step, the model's and the tool's own time taken out: runs of an instant model (a
/// <c>search_documents</c> call per step, then an answer) with an instant no-op tool, runs saved in a SQLite access store.
/// Two wirings: the runtime on the bare client, and the runtime through a stack's gateway (routing, budgets, the usage
/// ledger). Baselines from the same run: one call of the same client, and one save of a run.
/// </summary>
internal static class AgentOverhead
{
    private const string Usage = "usage: agent-overhead [--runs 300] [--tool-steps 3] [--json FILE]";

    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private sealed record Distribution(int N, double P50Us, double P99Us, double MeanUs);

    private sealed record Variant(string Wiring, int Runs, int ModelCallsPerRun, Distribution PerStep, Distribution LoopStep, Distribution Start, Distribution Finish, Distribution Run, Distribution ClientCall);

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

        var runs = Math.Max(20, options.GetInt("runs", 300));
        var toolSteps = Math.Max(1, options.GetInt("tool-steps", 3));
        var folder = Directory.CreateTempSubdirectory("agent-overhead-").FullName;
        try
        {
            var clock = new StepClock();
            var model = new InstantAgentModel(clock, toolSteps);
            var yaml = $"name: bench\ninstructions: Answer from the documents and cite them.\nmodel: small\ntools: [search_documents]\ncaps: {{ maxSteps: {toolSteps + 2}, maxRepeats: 3 }}\n";
            var variants = new List<Variant>();
            await using (var store = await SqliteAccessStore.OpenAsync(Path.Combine(folder, "bare")))
            {
                var runtime = new AgentRuntime(new AgentRuntimeOptions
                {
                    Chat = model, Store = _ => Task.FromResult<IAccessStore>(store),
                    Environment = caller => new ToolEnvironment(caller) { Documents = new InstantDocuments(clock) },
                });
                variants.Add(await MeasureAsync("runtime on the bare client", runtime, model, yaml, runs, clock));
            }

            await using (var stack = Stack(Path.Combine(folder, "stack"), model))
            {
                var runtime = Grounded.Hosting.Agents.StackAgents.Create(stack, TimeProvider.System, caller => new ToolEnvironment(caller) { Documents = new InstantDocuments(clock) });
                variants.Add(await MeasureAsync("runtime through the stack's gateway", runtime, stack.Gateway.Client, yaml, runs, clock));
                var save = await SaveAsync(await stack.GetAccessAsync(), runs * 2);
                Report(runs, toolSteps, variants, save, options.Get("json"));
            }

            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static GroundedStack Stack(string store, IChatClient model) => GroundedStack.Create(new GroundedOptions
    {
        Rag = new LocalRagOptions { Store = store },
        Cache = CacheOptions.Disabled,
        Gateway = new GatewayOptions
        {
            Models = [new ModelOptions { Name = "small", Provider = "openai", ProviderModel = "small", Endpoint = new Uri("http://127.0.0.1:1/v1"), ContextWindow = 128_000, MaxOutputTokens = 500, InputPerMTok = 0.15, OutputPerMTok = 0.6 }],
        },
    }, gateway => gateway.ProviderClients = _ => model);

    private static async Task<Variant> MeasureAsync(string wiring, AgentRuntime runtime, IChatClient client, string yaml, int runs, StepClock clock)
    {
        var warmup = Math.Max(5, runs / 10);
        var (perStep, loop, start, finish, whole) = (new List<double>(), new List<double>(), new List<double>(), new List<double>(), new List<double>());
        var modelCalls = 0;
        for (var i = 0; i < warmup + runs; i++)
        {
            clock.Clear();
            var t0 = Stopwatch.GetTimestamp();
            var run = await runtime.StartAsync(yaml, null, "How often does the beacon restart?", CallerIdentity.Local);
            var t1 = Stopwatch.GetTimestamp();
            if (run.Status != AgentRunStatus.Completed)
            {
                throw new InvalidOperationException($"a benchmark run ended {run.Status}/{run.ExitReason}: {run.Error}");
            }

            if (i < warmup)
            {
                continue;
            }

            var spans = clock.Spans;
            var models = spans.Where(s => s.Model).ToList();
            modelCalls = models.Count;
            var overhead = StepClock.Us(t1 - t0 - spans.Sum(s => s.End - s.Start));
            whole.Add(overhead);
            perStep.Add(overhead / models.Count);
            start.Add(StepClock.Us(models[0].Start - t0));
            finish.Add(StepClock.Us(t1 - models[^1].End));
            for (var m = 0; m + 1 < models.Count; m++)
            {
                var tools = spans.Where(s => !s.Model && s.Start >= models[m].End && s.End <= models[m + 1].Start).Sum(s => s.End - s.Start);
                loop.Add(StepClock.Us(models[m + 1].Start - models[m].End - tools));
            }
        }

        var call = new List<double>(runs);
        List<ChatMessage> messages = [new(ChatRole.System, "Answer from the documents and cite them."), new(ChatRole.User, "How often does the beacon restart?")];
        for (var i = 0; i < warmup + runs; i++)
        {
            var t0 = Stopwatch.GetTimestamp();
            _ = await client.GetResponseAsync(messages, new ChatOptions { ModelId = "small" });
            if (i >= warmup)
            {
                call.Add(StepClock.Us(Stopwatch.GetTimestamp() - t0));
            }
        }

        return new Variant(wiring, runs, modelCalls, Of(perStep), Of(loop), Of(start), Of(finish), Of(whole), Of(call));
    }

    // One save of a finished run's document, as the loop does after each round of tool calls (a conditional UPDATE of the stored version).
    private static async Task<Distribution> SaveAsync(IAccessStore store, int saves)
    {
        var record = (await store.ListAgentRunsAsync(null, null, 1, CancellationToken.None))[0];
        var times = new List<double>(saves);
        var version = record.Version;
        for (var i = 0; i < saves; i++)
        {
            var t0 = Stopwatch.GetTimestamp();
            if (!await store.SaveAgentRunAsync(record with { UpdatedAt = record.UpdatedAt.AddTicks(i) }, version++, CancellationToken.None))
            {
                throw new InvalidOperationException("the benchmark's save lost its version");
            }

            times.Add(StepClock.Us(Stopwatch.GetTimestamp() - t0));
        }

        return Of(times.Skip(saves / 10).ToList());
    }

    private static void Report(int runs, int toolSteps, List<Variant> variants, Distribution save, string? json)
    {
        static string F(Distribution d) => string.Create(CultureInfo.InvariantCulture, $"p50 {d.P50Us,8:0.0} µs  p99 {d.P99Us,8:0.0} µs  mean {d.MeanUs,8:0.0} µs");
        Console.WriteLine($"{runs} runs of {toolSteps} tool steps and an answer ({toolSteps + 1} model calls, {toolSteps} tool calls, each instant); model and tool time taken out");
        foreach (var v in variants)
        {
            Console.WriteLine(v.Wiring);
            Console.WriteLine($"  per step (run overhead / model calls)       {F(v.PerStep)}");
            Console.WriteLine($"  loop step (model reply to next model call)  {F(v.LoopStep)}");
            Console.WriteLine($"  start (file to first model call)            {F(v.Start)}");
            Console.WriteLine($"  finish (answer to run returned)             {F(v.Finish)}");
            Console.WriteLine($"  whole run                                   {F(v.Run)}");
            Console.WriteLine($"  baseline: one call of the same client       {F(v.ClientCall)}");
        }

        Console.WriteLine($"baseline: one save of a run (SQLite)          {F(save)}");
        var text = JsonSerializer.Serialize(new { runs, toolSteps, machine = Machine(), variants, storeSave = save }, Indented);
        Console.WriteLine(text);
        if (json is not null)
        {
            File.WriteAllText(json, text);
        }
    }

    private static object Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() : null;
        return new { processors = Environment.ProcessorCount, cpu, runtime = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription };
    }

    private static Distribution Of(List<double> times)
    {
        var sorted = times.Order().ToArray();
        double At(double p) => Math.Round(sorted[Math.Min(sorted.Length - 1, Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1))], 1);
        return new Distribution(sorted.Length, At(0.5), At(0.99), Math.Round(times.Average(), 1));
    }
}
