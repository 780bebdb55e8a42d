using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Grounded.Gateway.Tokens;
using Grounded.Guards.Pii;

namespace Grounded.Bench;

/// <summary>
/// How long the PII detector takes on a 2,000-token request (o200k tokens): this repository's docs (prose, code, tables,
/// few personal data), the same with twenty personal data items woven in, and, when ../shared/data is present, the
/// presidio-research dev texts laid end to end (personal data every few words: the worst case). The baseline, timed in
/// the same loop on the same texts, is one pass of a single e-mail pattern, the least a PII guard can do. The first call
/// in the process (which pays the JIT for every pattern) is reported apart; the loop starts after a warm-up. Beside the
/// wall-clock times, the thread's CPU time per call is reported: on a shared machine it is what the detector costs,
/// while the wall-clock tail also holds the time the thread waited for a core.
/// </summary>
internal static partial class PiiLatency
{
    private const string Usage = "usage: pii-latency [--iterations 3000] [--tokens 2000] [--docs docs] [--data ../shared/data] [--warmup-seconds 5] [--no-name-lists] [--json FILE]";

    private sealed record Result(string Stage, string Texts, int Samples, double P50Us, double P99Us, double P999Us, double MaxUs, double MeanUs, double? CpuP50Us, double? CpuP99Us);

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

        var iterations = Math.Max(100, options.GetInt("iterations", 3000));
        var target = Math.Max(100, options.GetInt("tokens", 2000));
        var tokens = new PromptTokenCounter();
        var texts = Texts(options.Get("docs", "docs"), BenchData.Root(options.Get("data")), tokens, target);
        var detector = new PiiDetector(new PiiDetectorOptions { UseNameLists = !options.Has("no-name-lists") });

        var cold = Stopwatch.GetTimestamp();
        var coldFound = detector.Detect(texts[0].Text).Count;
        var coldMs = Stopwatch.GetElapsedTime(cold).TotalMilliseconds;
        var warmUntil = Stopwatch.GetTimestamp() + (long)(options.GetInt("warmup-seconds", 5) * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < warmUntil)
        {
            foreach (var (_, text) in texts)
            {
                detector.Detect(text);
                Email().Count(text);
            }
        }

        foreach (var (kind, text) in texts)
        {
            var found = detector.Detect(text);
            Console.WriteLine($"{kind,-22} {tokens.Count(text),5} tokens {text.Length,6} chars  {found.Count,3} entities: "
                + string.Join(", ", found.GroupBy(e => e.Type).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}")));
        }

        // Both stages on every text, taking turns on who goes first.
        var detect = texts.Select(_ => new List<double>(iterations)).ToArray();
        var baseline = texts.Select(_ => new List<double>(iterations)).ToArray();
        var detectCpu = texts.Select(_ => new List<double>(iterations)).ToArray();
        var baselineCpu = texts.Select(_ => new List<double>(iterations)).ToArray();
        var sink = 0;
        for (var i = 0; i < iterations; i++)
        {
            var p = i % texts.Count;
            for (var turn = 0; turn < 2; turn++)
            {
                var c0 = ThreadCpu.Microseconds();
                var t0 = Stopwatch.GetTimestamp();
                if ((turn + (i / texts.Count)) % 2 == 0)
                {
                    sink += detector.Detect(texts[p].Text).Count;
                    detect[p].Add(Stopwatch.GetElapsedTime(t0).TotalMicroseconds);
                    detectCpu[p].Add(ThreadCpu.Microseconds() - c0);
                }
                else
                {
                    sink += Email().Count(texts[p].Text);
                    baseline[p].Add(Stopwatch.GetElapsedTime(t0).TotalMicroseconds);
                    baselineCpu[p].Add(ThreadCpu.Microseconds() - c0);
                }
            }
        }

        var kinds = texts.Select(t => t.Kind).Distinct(StringComparer.Ordinal).ToList();
        var results = new List<Result>();
        foreach (var (stage, times, cpu) in new[] { ("pii detector", detect, detectCpu), ("baseline: email regex", baseline, baselineCpu) })
        {
            results.AddRange(kinds.Select(kind => Summarise(stage, kind, times.Where((_, i) => texts[i].Kind == kind).SelectMany(t => t),
                cpu.Where((_, i) => texts[i].Kind == kind).SelectMany(t => t))));
        }

        Console.WriteLine();
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; load average {LoadAverage()}; "
            + $"{iterations} iterations over {texts.Count} texts of {target} tokens; name lists {(options.Has("no-name-lists") ? "off" : "on")} (checksum {sink})");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first call in the process (JIT of every pattern included): {coldMs:0.0} ms, {coldFound} entities"));
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Stage,-22} {r.Texts,-22} n {r.Samples,5}  p50 {r.P50Us,8:0.0} µs  p99 {r.P99Us,8:0.0} µs  p99.9 {r.P999Us,8:0.0} µs  max {r.MaxUs,8:0.0} µs  mean {r.MeanUs,7:0.0} µs  | thread CPU p50 {r.CpuP50Us,7:0.0} µs  p99 {r.CpuP99Us,7:0.0} µs"));
        }

        if (options.Get("json") is { } json)
        {
            await File.WriteAllTextAsync(json, JsonSerializer.Serialize(new { iterations, tokens = target, coldMs, results }));
        }

        return 0;
    }

    private static List<(string Kind, string Text)> Texts(string docs, string data, PromptTokenCounter tokens, int target)
    {
        var files = Directory.Exists(docs) ? Directory.GetFiles(docs, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList() : [];
        var prose = files.Count > 0 ? string.Join("\n", files.Select(File.ReadAllText)) : string.Concat(Enumerable.Repeat("The committee reviewed the quarterly figures and asked why the margins fell. ", 2000));
        var texts = new List<(string, string)>();
        for (var k = 0; k < 4; k++)
        {
            var slice = Window(prose, prose.Length * k / 5, tokens, target);
            texts.Add(("docs", slice));
            texts.Add(("docs + 20 PII items", Cut(WithPii(Cut(slice, tokens, target - 300), k), tokens, target)));
        }

        var dev = Path.Combine(data, "pii", "dev.json");
        if (File.Exists(dev))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(dev));
            var all = string.Join("\n\n", json.RootElement.EnumerateArray().Select(e => e.GetProperty("full_text").GetString()));
            for (var k = 0; k < 4; k++)
            {
                texts.Add(("presidio dev (dense)", Window(all, all.Length * k / 5, tokens, target)));
            }
        }
        else
        {
            Console.WriteLine($"(no {dev}: the dense presidio texts are left out)");
        }

        return texts;
    }

    // Personal data of every type, woven in at sentence ends.
    private static string WithPii(string text, int seed)
    {
        string[] items =
        [
            "Please write to maria.gonzalez@example.org.", "My name is Daniel Whitaker.", "Call me on +1 415 555 0132.", "The card is 4111 1111 1111 1111.",
            "IBAN: DE89 3704 0044 0532 0130 00.", "SSN 536-22-1234 is on file.", "She was born on 10/23/1951.", "It came from 48.90.248.226.",
            "Ship it to 2437 Main St, Springfield, IL 62704.", "Dr. Anna Kowalski signed it.", "Fax: +41 (0)62 585 51 90.", "Ask Mr. Olsen about it.",
            "Her email is j.smith@mail.example.co.uk.", "Phone: 0487 98 11 92.", "Contact Priya Raman for access.", "Billing address: Villacher Strasse 89, Wien.",
            "He lives at 17 Rue de la Paix, Paris.", "My credit card 5555-5555-5555-4444 expired.", "Meet Sven Hedlund at noon.", "Reach 212-555-0199 after six.",
        ];
        // One item after every 1/21 of the text, at the next line break or sentence end, so all twenty stay within the cut.
        var builder = new StringBuilder(text.Length + 1000);
        var at = 0;
        for (var i = 0; i < items.Length; i++)
        {
            var want = (int)((long)text.Length * (i + 1) / (items.Length + 2));
            var end = text.IndexOfAny(['\n', '.'], Math.Max(at, want));
            end = end < 0 ? text.Length : end + 1;
            builder.Append(text, at, end - at).Append(' ').Append(items[(i + seed) % items.Length]).Append(' ');
            at = end;
        }

        return builder.Append(text, at, text.Length - at).ToString();
    }

    private static string Window(string all, int from, PromptTokenCounter tokens, int target)
    {
        var text = all[from..];
        while (tokens.Count(text) < target)
        {
            text += "\n" + all;
        }

        return Cut(text, tokens, target);
    }

    // The longest prefix with at most `target` tokens.
    private static string Cut(string text, PromptTokenCounter tokens, int target)
    {
        var low = 0;
        var high = text.Length;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (tokens.Count(text[..mid]) <= target)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return text[..low];
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static Result Summarise(string stage, string texts, IEnumerable<double> samples, IEnumerable<double> cpu)
    {
        var sorted = samples.Order().ToArray();
        var cpuSorted = cpu.Where(c => c >= 0).Order().ToArray();
        static double At(double[] values, double p) => values[Math.Min(values.Length - 1, (int)Math.Ceiling(p * values.Length) - 1)];
        return new Result(stage, texts, sorted.Length, At(sorted, 0.5), At(sorted, 0.99), At(sorted, 0.999), sorted[^1], sorted.Average(),
            ThreadCpu.Available ? At(cpuSorted, 0.5) : null, ThreadCpu.Available ? At(cpuSorted, 0.99) : null);
    }

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")]
    private static partial Regex Email();
}
