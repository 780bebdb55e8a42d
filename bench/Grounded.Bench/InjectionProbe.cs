using System.Globalization;
using System.Text.Json;
using Grounded.Evaluation;
using Grounded.Evaluation.Datasets;
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
    private const string Usage = "usage: injection-probe [--data DIR] [--fixtures test/Grounded.Guards.Tests/Injection] [--chunks 200] [--threshold P] [--weights FILE] [--show]";

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
        Console.WriteLine($"threshold {detector.Threshold:0.000} ({(threshold is null ? "calibrated" : "given")}), model {detector.Model}");

        await Report("safe-but-scary prompts (flagged = false positive)", safe, detector, options.Has("show"));
        await Report("written injections (flagged = caught; the patterns were extended with them in view)", written, detector, options.Has("show"));
        await Report("unseen injections, written after the patterns were frozen (flagged = caught)", unseen, detector, options.Has("show"));

        var train = Path.Combine(BenchData.Root(options.Get("data")), "prompt-injection", "train.jsonl");
        if (File.Exists(train))
        {
            var report = await InjectionEvaluation.EvaluateAsync(InjectionDataset.Read(train), detector);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{"deepset train split through the detector, one text at a time (optimistic: trained on)",-84} P {report.Precision:0.000} R {report.Recall:0.000} F1 {report.F1:0.000} FPR {report.FalsePositiveRate:0.000}"));
        }

        var covid = Path.Combine(BenchData.Root(options.Get("data")), "covidqa", "covidqa.json");
        if (!File.Exists(covid))
        {
            Console.WriteLine($"no COVID-QA at {covid}: document chunks skipped");
            return 0;
        }

        var chunks = Chunks(covid, Math.Max(1, options.GetInt("chunks", 200)));
        var planted = chunks.Select((c, i) => Plant(c, written[i % written.Count])).ToList();
        var plantedUnseen = chunks.Select((c, i) => Plant(c, unseen[i % unseen.Count])).ToList();
        await Report($"benign document chunks, ~1,600 characters (flagged = false positive)", chunks, detector, options.Has("show"), batch: 10);
        await Report($"the same chunks, a written injection planted mid-chunk (flagged = caught)", planted, detector, false, batch: 10);
        await Report($"the same chunks, an unseen injection planted mid-chunk (flagged = caught)", plantedUnseen, detector, false, batch: 10);
        return 0;
    }

    private static async Task Report(string what, IReadOnlyList<string> texts, InjectionDetector detector, bool show, int batch = 1)
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
