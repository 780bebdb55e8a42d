using System.ComponentModel;
using System.Globalization;
using Grounded.Cli.Output;
using Grounded.Evaluation.Datasets;
using Grounded.Evaluation.Metrics;
using Grounded.Evaluation.Reports;
using Grounded.Gateway.Cache;
using Grounded.Rag.Embed;
using Spectre.Console;

namespace Grounded.Cli.Commands;

/// <summary><c>grounded cache eval --pairs FILE</c>: measures the semantic cache's matcher on labelled pairs, beside cosine alone.</summary>
[Description("Measure the semantic cache's matcher on labelled pairs: precision, recall and hit rate, beside a cosine-only matcher")]
internal sealed class CacheEvalCommand : GroundedCommand<CacheEvalSettings>
{
    // Texts are embedded shortest first in slices of this many, so the progress bar moves and padding stays small.
    private const int EmbedSlice = 256;

    protected override async Task<int> RunAsync(CacheEvalSettings settings, CancellationToken cancellationToken)
    {
        IReadOnlyList<ParaphrasePair> pairs;
        try
        {
            pairs = ParaphrasePairsFile.Read(settings.Pairs);
        }
        catch (DatasetException error)
        {
            throw new UserInputException(error.Message);
        }

        using var embedder = EmbeddingModels.ArcticXs(!settings.NoQuantize);
        var started = TimeProvider.System.GetTimestamp();
        var vectors = await EmbedAsync(embedder, pairs, cancellationToken).ConfigureAwait(false);
        var embedSeconds = TimeProvider.System.GetElapsedTime(started).TotalSeconds;

        // One pass of the gateway's matcher at the lowest threshold asked for gives each pair's cosine and the guard's
        // verdict; a pair is a hit at threshold t when its cosine reaches t and the guard let it through.
        var sweep = settings.Sweep ? Enumerable.Range(70, 30).Select(k => k / 100.0).ToList() : [];
        var matcher = new SemanticMatcher(sweep.Append(settings.Threshold).Min());
        var embedded = pairs.Select(p => (First: vectors[CacheText.Normalize(p.First)], Second: vectors[CacheText.Normalize(p.Second)])).ToList();
        SemanticMatch Match(int i) => matcher.Match(pairs[i].First, embedded[i].First, pairs[i].Second, embedded[i].Second);
        for (var i = 0; i < Math.Min(200, pairs.Count); i++)
        {
            Match(i); // warm-up, so the time is steady-state
        }

        started = TimeProvider.System.GetTimestamp();
        var matches = Enumerable.Range(0, pairs.Count).Select(Match).ToList();
        var matchMicroseconds = TimeProvider.System.GetElapsedTime(started).TotalMicroseconds / pairs.Count;
        var paraphrases = pairs.Select(p => p.IsParaphrase).ToList();
        var score = Score(settings.Threshold, paraphrases, matches);
        var rejected = matches.Where(m => m.Cosine >= settings.Threshold && !m.IsHit).GroupBy(m => m.Reason, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var curve = settings.Sweep ? sweep.Select(t => Point(t, paraphrases, matches)).ToList() : null;

        var report = new CacheEvalReport(
            pairs.Count, paraphrases.Count(p => p), settings.Threshold, score.Hits, score.Precision, score.Recall, score.HitRate,
            CosineOnly(settings.Threshold, paraphrases, matches), rejected,
            embedder.Profile.ModelId, vectors.Count, Math.Round(embedSeconds, 1), Math.Round(matchMicroseconds, 1), curve);
        if (settings.Json)
        {
            JsonOutput.Write(report);
            return ExitCodes.Success;
        }

        Print(report, settings.Pairs);
        return ExitCodes.Success;
    }

    private static Task<Dictionary<string, float[]>> EmbedAsync(OnnxEmbeddingGenerator embedder, IReadOnlyList<ParaphrasePair> pairs, CancellationToken cancellationToken)
    {
        var texts = pairs.SelectMany(p => new[] { CacheText.Normalize(p.First), CacheText.Normalize(p.Second) })
            .Distinct(StringComparer.Ordinal).OrderBy(t => t.Length).ToList();
        return QueryProgress.RunAsync($"Embedding {texts.Count} texts ({embedder.Profile.ModelId})", texts.Count, async progress =>
        {
            var vectors = new Dictionary<string, float[]>(texts.Count, StringComparer.Ordinal);
            foreach (var slice in texts.Chunk(EmbedSlice))
            {
                var embeddings = await embedder.GenerateAsync(slice, cancellationToken: cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < slice.Length; i++)
                {
                    vectors[slice[i]] = embeddings[i].Vector.ToArray();
                }

                progress?.Report(vectors.Count);
            }

            return vectors;
        });
    }

    private static CacheEvalPoint Point(double threshold, List<bool> paraphrases, List<SemanticMatch> matches)
    {
        var score = Score(threshold, paraphrases, matches);
        return new CacheEvalPoint(threshold, score.Hits, score.Precision, score.Recall, score.HitRate, CosineOnly(threshold, paraphrases, matches));
    }

    private static MatchScore Score(double threshold, List<bool> paraphrases, List<SemanticMatch> matches) =>
        MatchScore.Of(paraphrases, matches.ConvertAll(m => m.IsHit && m.Cosine >= threshold));

    private static MatchScore CosineOnly(double threshold, List<bool> paraphrases, List<SemanticMatch> matches) =>
        MatchScore.Of(paraphrases, matches.ConvertAll(m => m.Cosine >= threshold));

    private static void Print(CacheEvalReport report, string path)
    {
        var console = CliConsole.Out;
        console.MarkupLine(Markup.Escape(
            $"{path} · {report.Pairs} pairs ({report.Paraphrases} paraphrases) · threshold {F(report.Threshold, "0.00")} · {report.Model}"));
        var table = new Table().AddColumns("matcher", "hits", "precision", "recall", "hit rate");
        table.AddRow("cosine + paraphrase guard", N(report.Hits), F(report.Precision), F(report.Recall), F(report.HitRate));
        table.AddRow("cosine only", N(report.CosineOnly.Hits), F(report.CosineOnly.Precision), F(report.CosineOnly.Recall), F(report.CosineOnly.HitRate));
        console.Write(table);
        if (report.Rejected.Count > 0)
        {
            console.MarkupLine(Markup.Escape("guard turned away: " + string.Join(", ", report.Rejected.Select(r => $"{r.Key} {r.Value}"))));
        }

        if (report.Curve is { } curve)
        {
            var sweep = new Table().AddColumns("threshold", "hits", "precision", "recall", "hit rate", "cosine-only precision", "cosine-only recall", "cosine-only hit rate");
            foreach (var p in curve)
            {
                sweep.AddRow(F(p.Threshold, "0.00"), N(p.Hits), F(p.Precision), F(p.Recall), F(p.HitRate), F(p.CosineOnly.Precision), F(p.CosineOnly.Recall), F(p.CosineOnly.HitRate));
            }

            console.Write(sweep);
        }

        console.MarkupLine("[grey]" + Markup.Escape($"embedded {report.Texts} texts in {F(report.EmbedSeconds, "0.0")} s · matcher {F(report.MatchMicroseconds, "0.0")} µs per pair") + "[/]");
    }

    private static string F(double? value, string format = "0.000") => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "–";

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
