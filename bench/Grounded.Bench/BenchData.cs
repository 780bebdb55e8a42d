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
}
