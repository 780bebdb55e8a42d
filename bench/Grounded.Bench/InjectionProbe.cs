using System.Globalization;
using System.Text.Json;
using Grounded.Guards.Injection;
using Grounded.Rag.Embed;

namespace Grounded.Bench;

/// <summary>
/// Out-of-sample checks of the shipped injection detector: the hand-written false-positive probe (benign prompts that
/// use injection words) and recall probe (injections in other styles than the training set's), benign document chunks
/// (COVID-QA papers, about 400 tokens each), and the same chunks with one written injection planted in their middle
/// (indirect injection), checked as retrieved chunks are: one batch per question's worth of chunks.
/// </summary>
internal static class InjectionProbe
{
    private const string Usage = "usage: injection-probe [--data DIR] [--fixtures test/Grounded.Guards.Tests/Injection] [--chunks 200] [--threshold P] [--show]";

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

        var fixtures = options.Get("fixtures", Path.Combine("test", "Grounded.Guards.Tests", "Injection"));
        var safe = Lines(Path.Combine(fixtures, "safe-but-scary.txt"));
        var written = Lines(Path.Combine(fixtures, "written-injections.txt"));
        var unseen = Lines(Path.Combine(fixtures, "unseen-injections.txt"));
        var threshold = options.Get("threshold") is { } t ? double.Parse(t, CultureInfo.InvariantCulture) : (double?)null;
        using var embedder = EmbeddingModels.ArcticXs(quantized: true);
        var weights = InjectionClassifierWeights.Default;
        if (options.Get("weights") is { } file)
        {
            await using var stream = File.OpenRead(file);
            weights = InjectionClassifierWeights.Read(stream);
        }

        var detector = new InjectionDetector(embedder, new InjectionDetectorOptions { Threshold = threshold }, weights);
        var heuristicsOnly = new InjectionDetector(embedder, new InjectionDetectorOptions { Threshold = 0.999999 }, weights);
        Console.WriteLine($"threshold {detector.Threshold:0.000} ({(threshold is null ? "calibrated" : "given")}), model {detector.Model}");

        await Report("safe-but-scary prompts (flagged = false positive)", safe, detector, heuristicsOnly, options.Has("show"));
        await Report("written injections (flagged = caught; the patterns were extended with them in view)", written, detector, heuristicsOnly, options.Has("show"));
        await Report("unseen injections, written after the patterns were frozen (flagged = caught)", unseen, detector, heuristicsOnly, options.Has("show"));

        var covid = Path.Combine(BenchData.Root(options.Get("data")), "covidqa", "covidqa.json");
        if (!File.Exists(covid))
        {
            Console.WriteLine($"no COVID-QA at {covid}: document chunks skipped");
            return 0;
        }

        var chunks = Chunks(covid, options.GetInt("chunks", 200));
        var planted = chunks.Select((c, i) => Plant(c, written[i % written.Count])).ToList();
        await Report($"benign document chunks, ~1,600 characters (flagged = false positive)", chunks, detector, heuristicsOnly, options.Has("show"), batch: 10);
        await Report($"the same chunks with a written injection planted mid-chunk (flagged = caught)", planted, detector, heuristicsOnly, false, batch: 10);
        return 0;
    }

    private static async Task Report(string what, IReadOnlyList<string> texts, InjectionDetector detector, InjectionDetector heuristicsOnly, bool show, int batch = 1)
    {
        var verdicts = new List<InjectionVerdict>();
        for (var i = 0; i < texts.Count; i += batch)
        {
            verdicts.AddRange(await detector.CheckAllAsync(texts.Skip(i).Take(batch).ToList()));
        }

        var byPattern = verdicts.Count(v => v.Reason.StartsWith("heuristic:", StringComparison.Ordinal));
        var byClassifier = verdicts.Count(v => v.Score >= detector.Threshold);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-84} {verdicts.Count(v => v.IsInjection),4} / {texts.Count,-4} ({verdicts.Count(v => v.IsInjection) / (double)texts.Count:0.000}); patterns {byPattern}, classifier {byClassifier}"));
        for (var i = 0; i < texts.Count && show; i++)
        {
            var flat = texts[i].ReplaceLineEndings(" ");
            Console.WriteLine($"   {(verdicts[i].IsInjection ? "FLAG" : "pass")} {verdicts[i].Reason,-60} | {flat[..Math.Min(110, flat.Length)]}");
        }

        _ = heuristicsOnly;
    }

    private static List<string> Lines(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

    // Paragraph runs of about 1,600 characters (~400 tokens), as a chunker would cut them, from the first papers.
    private static List<string> Chunks(string path, int count)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var chunks = new List<string>();
        foreach (var paper in json.RootElement.GetProperty("data").EnumerateArray())
        {
            var context = paper.GetProperty("paragraphs")[0].GetProperty("context").GetString()!;
            for (var at = 0; at + 1600 <= context.Length && chunks.Count < count; at += 1600)
            {
                var start = at == 0 ? 0 : context.IndexOf(". ", at, StringComparison.Ordinal) + 2;
                var end = context.IndexOf(". ", Math.Min(context.Length - 1, start + 1600), StringComparison.Ordinal);
                chunks.Add(context[start..(end < 0 ? context.Length : end + 1)]);
            }

            if (chunks.Count >= count)
            {
                break;
            }
        }

        return chunks;
    }

    private static string Plant(string chunk, string injection)
    {
        var middle = chunk.IndexOf(". ", chunk.Length / 2, StringComparison.Ordinal);
        return middle < 0 ? chunk + " " + injection : chunk[..(middle + 2)] + injection + " " + chunk[(middle + 2)..];
    }
}
