using System.Text.Json;

namespace Grounded.Bench;

/// <summary>Reads the shared evaluation sets from ../shared/data (never copied into the repo).</summary>
internal static class BenchData
{
    public sealed record QaItem(string Question, string GoldFile, string Answer);

    public static string Root(string? given) =>
        given ?? Environment.GetEnvironmentVariable("GROUNDED_DATA") ?? Path.GetFullPath(Path.Combine("..", "shared", "data"));

    /// <summary>Writes one .txt per COVID-QA paper (paper-NNN.txt, as the acceptance check does) and returns all questions.</summary>
    public static List<QaItem> CovidQa(string dataRoot, string corpusDir) =>
        Grounded.Evaluation.Answers.CovidQa.WriteCorpus(dataRoot, corpusDir).Select(i => new QaItem(i.Question, i.Sources[0], i.Answers[0])).ToList();

    /// <summary>Returns the SciFact claims, in file order.</summary>
    public static List<string> SciFactClaims(string dataRoot) =>
        File.ReadLines(Path.Combine(dataRoot, "scifact", "queries.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!)
            .ToList();

    /// <summary>Returns the SciFact abstracts (title, then text), in file order.</summary>
    public static IEnumerable<string> SciFactAbstracts(string dataRoot) =>
        File.ReadLines(Path.Combine(dataRoot, "scifact", "corpus.jsonl")).Select(line =>
        {
            using var json = JsonDocument.Parse(line);
            return json.RootElement.GetProperty("title").GetString() + " " + json.RootElement.GetProperty("text").GetString();
        });

    /// <summary>Returns the first sentence of each PAWS dev pair (Wikipedia sentences), in file order.</summary>
    public static IEnumerable<string> PawsSentences(string dataRoot) =>
        File.ReadLines(Path.Combine(dataRoot, "paraphrase", "paws-dev.tsv")).Select(line => line.Split('\t')).Where(f => f.Length >= 4).Select(f => f[1]);

    /// <summary>Returns the first question of each COVID question-similarity pair, in file order.</summary>
    public static IEnumerable<string> CovidQuestions(string dataRoot) =>
        File.ReadLines(Path.Combine(dataRoot, "paraphrase", "covid-question-similarity.csv")).Skip(1)
            .Select(line => line.StartsWith('"') ? line[1..line.IndexOf('"', 1)] : line[..Math.Max(0, line.IndexOf(','))])
            .Where(q => q.Length > 0);
}
