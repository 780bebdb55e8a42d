using System.Text.Json;

namespace Grounded.Bench;

/// <summary>Reads the shared evaluation sets from ../shared/data (never copied into the repo).</summary>
internal static class BenchData
{
    public sealed record QaItem(string Question, string GoldFile, string Answer);

    public static string Root(string? given) =>
        given ?? Environment.GetEnvironmentVariable("GROUNDED_DATA") ?? Path.GetFullPath(Path.Combine("..", "shared", "data"));

    /// <summary>Writes one .txt per COVID-QA paper (paper-NNN.txt, as the acceptance check does) and returns all questions.</summary>
    public static List<QaItem> CovidQa(string dataRoot, string corpusDir)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dataRoot, "covidqa", "covidqa.json")));
        Directory.CreateDirectory(corpusDir);
        var items = new List<QaItem>();
        var i = 0;
        foreach (var paper in json.RootElement.GetProperty("data").EnumerateArray())
        {
            var paragraph = paper.GetProperty("paragraphs")[0];
            var file = $"paper-{i++:D3}.txt";
            var path = Path.Combine(corpusDir, file);
            var context = paragraph.GetProperty("context").GetString()!;
            if (!File.Exists(path))
            {
                File.WriteAllText(path, context);
            }

            foreach (var qa in paragraph.GetProperty("qas").EnumerateArray())
            {
                items.Add(new QaItem(qa.GetProperty("question").GetString()!, file, qa.GetProperty("answers")[0].GetProperty("text").GetString()!));
            }
        }

        return items;
    }

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
