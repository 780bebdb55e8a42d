using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Grounded.Gateway.Config;
using Grounded.Gateway.Route;
using Grounded.Gateway.Tokens;
using Microsoft.Extensions.AI;

namespace Grounded.Bench;

/// <summary>
/// How long a route takes to decide (<see cref="ModelRoutes.Decide"/>: classify, map, check the window) over a varied
/// prompt mix: short chit-chat, code, reasoning, several scripts, a deep conversation, and a long (~8,000-token) document
/// made of this repository's docs, and a ~3,500-token one (under the long threshold: its cues are read). The baseline, timed in the same loop on the same prompts, is what a router that
/// tokenizes would pay at least: counting the prompt's tokens exactly with o200k (<see cref="PromptTokenCounter"/>).
/// </summary>
internal static class RouteDecisionLatency
{
    private const string Usage = "usage: route-decision [--iterations 20000] [--docs docs] [--json FILE]";

    private sealed record Result(string Stage, string Prompts, int Samples, double P50Us, double P99Us, double P999Us, double MaxUs, double MeanUs);

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

        var iterations = Math.Max(100, options.GetInt("iterations", 20_000));
        var tokens = new PromptTokenCounter();
        var mix = Mix(options.Get("docs", "docs"), tokens);
        var routes = new ModelRoutes(Gateway());
        foreach (var (kind, messages, maxTokens) in mix)
        {
            var decision = routes.Decide("auto", messages, maxTokens)!;
            Console.WriteLine($"{kind,-14} {tokens.Count(messages),6} tokens (estimated {decision.Features.PromptTokens,6})  -> {RequestClasses.Name(decision.Class),-12} {decision.Model,-6} {decision.Reason}");
        }

        // Both stages on every prompt, taking turns on who goes first; the first 10% of the loop is warm-up.
        var decide = mix.Select(_ => new List<double>()).ToArray();
        var count = mix.Select(_ => new List<double>()).ToArray();
        var sink = 0;
        for (var i = 0; i < iterations; i++)
        {
            var p = i % mix.Count;
            var (_, messages, maxTokens) = mix[p];
            for (var turn = 0; turn < 2; turn++)
            {
                var t0 = Stopwatch.GetTimestamp();
                if ((turn + (i / mix.Count)) % 2 == 0)
                {
                    sink += routes.Decide("auto", messages, maxTokens)!.Model.Length;
                    Keep(decide[p], i, iterations, t0);
                }
                else
                {
                    sink += tokens.Count(messages);
                    Keep(count[p], i, iterations, t0);
                }
            }
        }

        string[] big = ["docs-3.5k", "long-8k"];
        var results = new List<Result>();
        foreach (var (stage, times) in new[] { ("route decision", decide), ("baseline: o200k count", count) })
        {
            results.Add(Summarise(stage, "all", times.SelectMany(t => t)));
            results.AddRange(big.Select(kind => Summarise(stage, kind, times.Where((_, i) => mix[i].Kind == kind).SelectMany(t => t))));
            results.Add(Summarise(stage, "the 14 short ones", times.Where((_, i) => !big.Contains(mix[i].Kind)).SelectMany(t => t)));
        }

        Console.WriteLine();
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; load average {LoadAverage()}; {iterations} iterations over {mix.Count} prompts (checksum {sink})");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Stage,-22} {r.Prompts,-16} n {r.Samples,6}  p50 {r.P50Us,8:0.0} µs  p99 {r.P99Us,8:0.0} µs  p99.9 {r.P999Us,8:0.0} µs  max {r.MaxUs,8:0.0} µs  mean {r.MeanUs,7:0.0} µs"));
        }

        if (options.Get("json") is { } json)
        {
            await File.WriteAllTextAsync(json, JsonSerializer.Serialize(new { iterations, prompts = mix.Select(m => m.Kind), results }));
        }

        return 0;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static void Keep(List<double> times, int i, int iterations, long started)
    {
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        if (i >= iterations / 10)
        {
            times.Add(elapsed);
        }
    }

    private static GatewayOptions Gateway() => new()
    {
        Models =
        [
            new ModelOptions { Name = "small", Provider = "openai", ProviderModel = "gpt-4o-mini", ContextWindow = 128_000, MaxOutputTokens = 16_384, InputPerMTok = 0.15, OutputPerMTok = 0.6 },
            new ModelOptions { Name = "large", Provider = "openai", ProviderModel = "gpt-4o", ContextWindow = 128_000, MaxOutputTokens = 16_384, InputPerMTok = 2.5, OutputPerMTok = 10 },
        ],
        Routes =
        [
            new ModelRouteOptions
            {
                Name = "auto", Default = "small",
                Classes = new Dictionary<RequestClass, string>
                {
                    [RequestClass.Code] = "large", [RequestClass.Reasoning] = "large", [RequestClass.Long] = "large", [RequestClass.LongOutput] = "large",
                },
            },
        ],
    };

    private static List<(string Kind, List<ChatMessage> Messages, int? MaxTokens)> Mix(string docs, PromptTokenCounter tokens)
    {
        static List<ChatMessage> User(string text) => [new(ChatRole.System, "You are a helpful assistant."), new(ChatRole.User, text)];
        var conversation = new List<ChatMessage> { new(ChatRole.System, "You are a helpful assistant.") };
        for (var i = 0; i < 10; i++)
        {
            conversation.Add(new ChatMessage(ChatRole.User, $"And what about the {i}th day of the trip? Anything worth seeing?"));
            conversation.Add(new ChatMessage(ChatRole.Assistant, "The old town, the harbour at sunset, and the market on the square are all worth a visit."));
        }

        conversation.Add(new ChatMessage(ChatRole.User, "Great, thanks. What should I pack?"));
        return
        [
            ("short", User("hi! how are you today?"), null),
            ("short", User("What's a good name for a grey cat?"), null),
            ("short", User("Why is the sky blue?"), 256),
            ("code", User("Why does this throw?\n```csharp\nvar list = new List<int>();\nConsole.WriteLine(list[0]);\n```"), null),
            ("code", User("Write a Python function that parses ISO dates and returns the weekday, with unit tests."), 1024),
            ("code", User("int total = 0;\nfor (int i = 0; i < n; i++) {\n    total += values[i];\n}\nreturn total;\nCan this overflow?"), null),
            ("reasoning", User("Prove that the square root of two is irrational, step by step."), null),
            ("reasoning", User("Solve for x: 3x + 5 = 20, and explain why each step is valid."), null),
            ("multilingual", User("请用简单的语言解释一下量子计算的基本原理，以及它和传统计算机有什么不同。"), null),
            ("multilingual", User("Расскажи, пожалуйста, об истории Санкт-Петербурга и его главных достопримечательностях."), null),
            ("multilingual", User("東京でおすすめのラーメン屋さんを三つ教えてください。"), null),
            ("multilingual", User("ما هي أفضل طريقة لتعلم لغة جديدة بسرعة؟"), null),
            ("longOutput", User("Write a detailed guide to sourdough baking."), 8000),
            ("conversation", conversation, null),
            ("docs-3.5k", User("What does this say about retries?\n\n" + LongText(docs, tokens, 3500)), null),
            ("long-8k", User("Summarise the following documentation:\n\n" + LongText(docs, tokens, 8000)), null),
        ];
    }

    // About `target` o200k tokens of this repository's docs (Markdown with code blocks and tables), else of generated prose.
    private static string LongText(string docs, PromptTokenCounter tokens, int target)
    {
        var files = Directory.Exists(docs) ? Directory.GetFiles(docs, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList() : [];
        var all = files.Count > 0 ? string.Join("\n", files.Select(File.ReadAllText)) : "The committee reviewed the quarterly figures and asked why the margins fell. ";
        while (tokens.Count(all) < target)
        {
            all += all;
        }

        var low = 0;
        var high = all.Length;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (tokens.Count(all[..mid]) < target)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return all[..low];
    }

    private static Result Summarise(string stage, string prompts, IEnumerable<double> samples)
    {
        var sorted = samples.Order().ToArray();
        double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return new Result(stage, prompts, sorted.Length, At(0.5), At(0.99), At(0.999), sorted[^1], sorted.Average());
    }
}
