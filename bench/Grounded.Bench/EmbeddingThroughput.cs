using System.Diagnostics;
using System.Text.Json;
using Grounded.Rag.Embed;

namespace Grounded.Bench;

/// <summary>
/// Embedding throughput in model tokens per second (WordPieces including [CLS]/[SEP]) on the same real passages:
/// a naive float32 loop, the product's batched generator on the float32 model, and on the int8 model.
/// The three take turns on each group of texts, so a busy machine slows them alike; the median round is reported.
/// </summary>
internal static class EmbeddingThroughput
{
    private const string Usage =
        "usage: embed [--data DIR] [--texts 400] [--min-words 100] [--max-words 400] [--rounds 3] [--group 32] [--batch 32] [--batch-tokens 512] [--threads 0] [--json FILE]";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

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

        var data = options.Get("data", Path.Combine("..", "shared", "data"));
        if (!File.Exists(CovidQaPassages.PathIn(data)))
        {
            Console.Error.WriteLine($"COVID-QA not found at {CovidQaPassages.PathIn(data)}; pass --data DIR.");
            return 1;
        }

        var texts = CovidQaPassages.Load(data, options.GetInt("texts", 400), options.GetInt("min-words", 100), options.GetInt("max-words", 400));
        var rounds = options.GetInt("rounds", 3);
        var group = options.GetInt("group", 32);
        var floatModel = ArcticXsModel.ReadModel();
        var int8Model = QuantizedModelCache.Default().GetOrQuantize(floatModel, "snowflake-arctic-embed-xs");

        using var naiveVocabulary = OpenVocabulary();
        using var naive = new NaiveEmbedder(floatModel, naiveVocabulary);
        using var batchedFloat = Generator(floatModel, quantized: false, options);
        using var batchedInt8 = Generator(int8Model, quantized: true, options);
        var tokens = texts.Sum(batchedFloat.CountTokens);
        var runs = new (string Name, Func<string[], Task<float[][]>> Embed)[]
        {
            ("naive float32, 1 text per Run", g => Task.FromResult(g.Select(naive.Embed).ToArray())),
            ("float32, OnnxEmbeddingGenerator", g => EmbedAsync(batchedFloat, g)),
            ("int8, OnnxEmbeddingGenerator", g => EmbedAsync(batchedInt8, g)),
        };

        Console.WriteLine($"{texts.Count} passages, {tokens:N0} model tokens (mean {tokens / (double)texts.Count:F0}), {rounds} rounds, {Environment.ProcessorCount} cores");

        // Texts go in groups the way ingestion hands chunks to the embedder, so length sorting works within a group.
        // The three runs take turns group by group (a few seconds each), so load from elsewhere falls on all alike.
        var groups = texts.Chunk(group).ToArray();
        var vectors = runs.Select(_ => new List<float[]>(texts.Count)).ToArray();
        foreach (var g in groups)
        {
            // Warm-up pass: the first Runs allocate arenas and pick kernels; its vectors serve the cosine check.
            for (var i = 0; i < runs.Length; i++)
            {
                vectors[i].AddRange(await runs[i].Embed(g).ConfigureAwait(false));
            }
        }

        var rates = runs.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            var elapsed = new TimeSpan[runs.Length];
            foreach (var g in groups)
            {
                for (var i = 0; i < runs.Length; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    await runs[i].Embed(g).ConfigureAwait(false);
                    elapsed[i] += Stopwatch.GetElapsedTime(started);
                }
            }

            for (var i = 0; i < runs.Length; i++)
            {
                rates[i].Add(tokens / elapsed[i].TotalSeconds);
            }

            Console.WriteLine($"round {round + 1}: {string.Join("  ", rates.Select(r => r[^1].ToString("N0")))} tokens/s");
        }

        // The median is what a shared machine gives; the best round is the closest to an idle one.
        var medians = rates.Select(Median).ToArray();
        var best = rates.Select(r => r.Max()).ToArray();
        var cosines = vectors[1].Zip(vectors[2], Cosine).ToArray();
        Console.WriteLine();
        Console.WriteLine("| run | median tokens/s | × naive | best tokens/s | × naive |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        for (var i = 0; i < runs.Length; i++)
        {
            Console.WriteLine($"| {runs[i].Name} | {medians[i]:N0} | {medians[i] / medians[0]:F2} | {best[i]:N0} | {best[i] / best[0]:F2} |");
        }

        Console.WriteLine($"\nint8 vs float32 batched: {medians[2] / medians[1]:F2}× (median), {best[2] / best[1]:F2}× (best)");
        Console.WriteLine($"cosine float32↔int8 over the {texts.Count} passages: min {cosines.Min():F4}, mean {cosines.Average():F4}");
        if (options.Get("json", "") is { Length: > 0 } jsonPath)
        {
            var report = new
            {
                texts = texts.Count, tokens, rounds, group, batchTokens = options.GetInt("batch-tokens", OnnxEmbeddingGenerator.DefaultMaxBatchTokens), cores = Environment.ProcessorCount,
                runs = runs.Select((r, i) => new { name = r.Name, median = medians[i], best = best[i], ratio = medians[i] / medians[0], rounds = rates[i] }),
                cosine = new { min = cosines.Min(), mean = cosines.Average() },
            };
            await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(report, Indented)).ConfigureAwait(false);
        }

        return 0;
    }

    private static OnnxEmbeddingGenerator Generator(byte[] model, bool quantized, Args options)
    {
        using var vocabulary = OpenVocabulary();
        return new OnnxEmbeddingGenerator(
            model, vocabulary, ArcticXsModel.Profile(quantized),
            options.GetInt("batch", OnnxEmbeddingGenerator.DefaultMaxBatchSize),
            options.GetInt("batch-tokens", OnnxEmbeddingGenerator.DefaultMaxBatchTokens),
            options.GetInt("threads", 0));
    }

    private static Stream OpenVocabulary() => ArcticXsModel.OpenVocabulary();

    private static async Task<float[][]> EmbedAsync(OnnxEmbeddingGenerator generator, string[] texts)
    {
        var embeddings = await generator.GenerateAsync(texts).ConfigureAwait(false);
        return [.. embeddings.Select(e => e.Vector.ToArray())];
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static float Cosine(float[] a, float[] b) => System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(a, b);
}
