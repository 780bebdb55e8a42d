using System.Text.Json;

namespace Grounded.Evaluation.Answers;

/// <summary>
/// COVID-QA (SQuAD layout, <c>covidqa/covidqa.json</c> under a data folder) as an answer-quality dataset: one text file
/// per paper (<c>paper-NNN.txt</c>, the corpus) and one item per question, whose source is its paper.
/// </summary>
public static class CovidQa
{
    /// <summary>Returns the path of <c>covidqa.json</c> under <paramref name="dataDirectory"/>.</summary>
    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, "covidqa", "covidqa.json");

    /// <summary>
    /// Writes each paper's text to <paramref name="corpusDirectory"/> as <c>paper-NNN.txt</c> (files already there are kept)
    /// and returns every question, in file order, with its first gold answer and its paper as the one source.
    /// </summary>
    public static IReadOnlyList<AnswerItem> WriteCorpus(string dataDirectory, string corpusDirectory)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(PathIn(dataDirectory)));
        Directory.CreateDirectory(corpusDirectory);
        var items = new List<AnswerItem>();
        var i = 0;
        foreach (var paper in json.RootElement.GetProperty("data").EnumerateArray())
        {
            var paragraph = paper.GetProperty("paragraphs")[0];
            var file = $"paper-{i++:D3}.txt";
            var path = Path.Combine(corpusDirectory, file);
            if (!File.Exists(path))
            {
                File.WriteAllText(path, paragraph.GetProperty("context").GetString()!);
            }

            foreach (var qa in paragraph.GetProperty("qas").EnumerateArray())
            {
                var id = qa.TryGetProperty("id", out var given) ? given.ToString() : $"{file}#{items.Count}";
                var answer = qa.GetProperty("answers")[0].GetProperty("text").GetString()!;
                items.Add(new AnswerItem(id, qa.GetProperty("question").GetString()!, [answer], [file], []));
            }
        }

        return items;
    }
}
