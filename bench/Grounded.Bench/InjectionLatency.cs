using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Grounded.Gateway.Tokens;
using Grounded.Guards.Injection;
using Grounded.Rag.Embed;

namespace Grounded.Bench;

/// <summary>
/// How long the injection detector takes on one text, as the input guard runs it: a ~2,000-token request (o200k tokens,
/// COVID-QA prose, else this repository's docs) and a short question. Timed in the same loop, taking turns: the patterns
/// and normaliser alone (no model), and two baselines — embedding the detector's windows alone (the model's share),
/// and embedding the text once as a single input (what any embedding of the request costs; the model reads 512 tokens).
/// </summary>
internal static class InjectionLatency
{
    private const string Usage = "usage: injection-latency [--iterations 60] [--tokens 2000] [--data DIR] [--json FILE]";

    private sealed record Result(string Stage, string Text, int Samples, double P50Ms, double P99Ms, double MeanMs);

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

        var iterations = Math.Max(10, options.GetInt("iterations", 60));
        var tokens = new PromptTokenCounter();
        var target = options.GetInt("tokens", 2000);
        var texts = new[] { ("2,000 tokens", LongText(BenchData.Root(options.Get("data")), tokens, target)), ("short question", "Which vaccinations do I need for a trip to Thailand, and when should I get them?") };
        using var embedder = EmbeddingModels.ArcticXs(quantized: true);
        var detector = new InjectionDetector(embedder);
        var windowChars = InjectionClassifierWeights.Default.WindowChars;
        foreach (var (name, text) in texts)
        {
            var input = InjectionInput.Prepare(text, windowChars);
            Console.WriteLine($"{name}: {text.Length} characters, {tokens.Count(text)} o200k tokens, {input.Windows.Count} windows of at most {windowChars} characters; verdict {(await detector.CheckAsync(text)).Reason}");
        }

        var stages = new (string Name, Func<string, Task> Run)[]
        {
            ("injection detector (CheckAsync)", async t => await detector.CheckAsync(t)),
            ("normaliser + patterns + windows only", t => { _ = InjectionInput.Prepare(t, windowChars); return Task.CompletedTask; }),
            ("baseline: embed the windows alone", t => embedder.GenerateAsync(InjectionInput.Prepare(t, windowChars).Units.ToList())),
            ("baseline: embed the text once (512 tokens)", t => embedder.GenerateAsync([t])),
        };
        var samples = new List<double>[stages.Length, texts.Length];
        for (var s = 0; s < stages.Length; s++)
        {
            for (var t = 0; t < texts.Length; t++)
            {
                samples[s, t] = [];
            }
        }

        // Every stage on every text each iteration, the order rotating; the first tenth is warm-up.
        for (var i = 0; i < iterations; i++)
        {
            for (var k = 0; k < stages.Length; k++)
            {
                var s = (k + i) % stages.Length;
                for (var t = 0; t < texts.Length; t++)
                {
                    var started = Stopwatch.GetTimestamp();
                    await stages[s].Run(texts[t].Item2);
                    if (i >= iterations / 10)
                    {
                        samples[s, t].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                }
            }
        }

        var results = new List<Result>();
        for (var s = 0; s < stages.Length; s++)
        {
            for (var t = 0; t < texts.Length; t++)
            {
                var sorted = samples[s, t].Order().ToArray();
                double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
                results.Add(new Result(stages[s].Name, texts[t].Item1, sorted.Length, At(0.5), At(0.99), sorted.Average()));
            }
        }

        Console.WriteLine();
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; load average {LoadAverage()}; {iterations} iterations");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Stage,-44} {r.Text,-15} n {r.Samples,4}  p50 {r.P50Ms,8:0.00} ms  p99 {r.P99Ms,8:0.00} ms  mean {r.MeanMs,8:0.00} ms"));
        }

        if (options.Get("json") is { } json)
        {
            await File.WriteAllTextAsync(json, JsonSerializer.Serialize(new { iterations, results }));
        }

        return 0;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    // About `target` o200k tokens of benign prose: COVID-QA papers when the data is there, else this repository's docs.
    private static string LongText(string dataRoot, PromptTokenCounter tokens, int target)
    {
        var covid = Path.Combine(dataRoot, "covidqa", "covidqa.json");
        string all;
        if (File.Exists(covid))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(covid));
            all = string.Join("\n\n", json.RootElement.GetProperty("data").EnumerateArray().Take(3)
                .Select(p => p.GetProperty("paragraphs")[0].GetProperty("context").GetString()));
        }
        else
        {
            all = string.Join("\n", Directory.GetFiles("docs", "*.md").Order(StringComparer.Ordinal).Select(File.ReadAllText));
        }

        var length = Math.Min(all.Length, target * 8);
        while (length > 0 && tokens.Count(all[..length]) > target)
        {
            length -= Math.Max(1, length / 50);
        }

        return all[..length];
    }
}
