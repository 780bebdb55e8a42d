using System.Diagnostics;
using System.Text.Json;
using Grounded.Access;
using Grounded.Agents.Loop;
using Grounded.Gateway.Config;
using Grounded.Gateway.Tokens;
using Grounded.Hosting;
using Grounded.Rag;
using Grounded.Rag.Ingest;
using Microsoft.Extensions.AI;

namespace Grounded.Bench;

/// <summary>
/// What splitting one task over several agents costs, in model calls and tokens: the same task (find a fact, then compute
/// with it) by one agent with both tools, by a sequential researcher → analyst workflow, and by an orchestrator handing off to
/// the two. The model is scripted in process (each agent does the least its role needs), so the counts are the runtime's
/// and the workflow's, not a model's whims: input tokens are every message and tool schema each call sends (o200k).
/// </summary>
internal static class AgentSplitCost
{
    private const string Task = "How often does the Osprey beacon restart, and how many restarts is that per day?";
    private static readonly PromptTokenCounter Tokens = new();
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<int> RunAsync(string[] args)
    {
        var options = Args.Parse(args);
        var repeats = Math.Max(1, options.GetInt("repeats", 10));
        var dir = Directory.CreateTempSubdirectory("grounded-agent-split-").FullName;
        try
        {
            var store = Path.Combine(dir, "store");
            File.WriteAllText(Path.Combine(dir, "osprey.md"), "# Osprey relay\n\nThe Osprey relay station restarts its beacon every 40 minutes.\n");
            File.WriteAllText(Path.Combine(dir, "heron.md"), "# Heron relay\n\nThe Heron relay station restarts its beacon every 15 minutes.\n");
            await using (var rag = await LocalRag.OpenAsync(new LocalRagOptions { Store = store }))
            {
                await rag.Ingestion().IngestAsync([Path.Combine(dir, "osprey.md"), Path.Combine(dir, "heron.md")], new IngestOptions { SourceBase = dir });
            }

            Write(dir, "single.yaml", "name: single\ninstructions: Find the fact in the documents, compute with the calculator, answer with citations.\nmodel: small\ntools: [search_documents, calculate]\n");
            Write(dir, "researcher.yaml", "name: researcher\ndescription: Finds facts in the documents.\ninstructions: Find the facts in the documents and cite them.\nmodel: small\ntools: [search_documents]\n");
            Write(dir, "analyst.yaml", "name: analyst\ndescription: Computes with numbers.\ninstructions: Compute what is asked with the calculator.\nmodel: small\ntools: [calculate]\n");
            Write(dir, "sequential.yaml", "name: sequential\ninstructions: Answer.\nmodel: small\nworkflow: { mode: sequential, agents: [researcher.yaml, analyst.yaml] }\n");
            Write(dir, "handoff.yaml", "name: handoff\ninstructions: Hand each part of the task to the specialist that fits, then answer.\nmodel: small\nworkflow: { mode: handoff, agents: [researcher.yaml, analyst.yaml] }\n");
            var grounded = new GroundedOptions
            {
                Rag = new LocalRagOptions { Store = store }, QueryLog = false, Cache = new Grounded.Gateway.Cache.CacheOptions { Exact = false }, // every call reaches the model
                Gateway = new GatewayOptions { Models = [new ModelOptions { Name = "small", Provider = "openai", ProviderModel = "m", ContextWindow = 128_000, MaxOutputTokens = 1000, InputPerMTok = 0.15, OutputPerMTok = 0.60 }] },
            };
            await using var stack = GroundedStack.Create(grounded, gateway => gateway.ProviderClients = _ => new RoleScriptedClient());
            var rows = new List<object>();
            foreach (var shape in new[] { "single", "sequential", "handoff" })
            {
                AgentRun? run = null;
                var times = new List<double>();
                for (var i = 0; i < repeats + 1; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    run = await stack.Agents.StartAsync(Path.Combine(dir, shape + ".yaml"), Task, CallerIdentity.Local);
                    if (i > 0)
                    {
                        times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds); // the first run warms up
                    }
                }

                times.Sort();
                rows.Add(new
                {
                    shape, status = run!.Status, answer = run.Answer, modelCalls = run.Usage.ModelCalls, toolCalls = run.Usage.ToolCalls,
                    inputTokens = run.Usage.InputTokens, outputTokens = run.Usage.OutputTokens, costUsd = run.CostUsd, medianMs = Math.Round(times[times.Count / 2], 1),
                });
            }

            Console.WriteLine(JsonSerializer.Serialize(new { task = Task, repeats, machine = $"{Environment.ProcessorCount} cores", runs = rows }, Indented));
            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static void Write(string dir, string name, string text) => File.WriteAllText(Path.Combine(dir, name), text);

    // Each agent does the least its role needs: the tools it has say who is calling; the results so far say what is left.
    private sealed class RoleScriptedClient : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            var list = messages.ToList();
            var tools = options?.Tools?.Select(t => t.Name).ToHashSet() ?? [];
            var done = list.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Select(c => c.Name).ToHashSet();
            var (call, text) = tools switch
            {
                _ when tools.Contains("ask_researcher") => !done.Contains("ask_researcher") ? ("ask_researcher", "{\"query\":\"How often does the Osprey beacon restart?\"}")
                    : !done.Contains("ask_analyst") ? ("ask_analyst", "{\"query\":\"The beacon restarts every 40 minutes. How many restarts is that per day?\"}")
                    : (null, "The Osprey beacon restarts every 40 minutes [1], which is 36 restarts a day."),
                _ when tools.Contains("search_documents") && !done.Contains("search_documents") => ("search_documents", "{\"query\":\"Osprey beacon restart\"}"),
                _ when tools.Contains("calculate") && !done.Contains("calculate") => ("calculate", "{\"expression\":\"24*60/40\"}"),
                _ when tools.Contains("calculate") => (null, "The Osprey beacon restarts every 40 minutes [1], which is 36 restarts a day."),
                _ => (null, "Notes: the Osprey beacon restarts every 40 minutes [1]."),
            };
            var message = call is null
                ? new ChatMessage(ChatRole.Assistant, text)
                : new ChatMessage(ChatRole.Assistant, [new FunctionCallContent($"call_{Guid.NewGuid():N}", call, JsonSerializer.Deserialize<Dictionary<string, object?>>(text))]);
            var schemas = options?.Tools?.OfType<AIFunction>().Sum(f => Tokens.Count(f.Name + f.Description + f.JsonSchema.GetRawText())) ?? 0;
            var usage = new UsageDetails { InputTokenCount = Tokens.Count(list) + schemas, OutputTokenCount = Tokens.Count(text) };
            return System.Threading.Tasks.Task.FromResult(new ChatResponse(message) { Usage = usage, ModelId = "m" });
        }

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (var update in (await GetResponseAsync(messages, options, cancellationToken)).ToChatResponseUpdates())
            {
                yield return update;
            }
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
