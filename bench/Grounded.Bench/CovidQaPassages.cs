using System.Text.Json;

namespace Grounded.Bench;

/// <summary>Real passages for embedding benchmarks: COVID-QA paper texts cut into pieces of varied length.</summary>
internal static class CovidQaPassages
{
    /// <summary>Returns the path of covidqa.json under a data directory.</summary>
    public static string PathIn(string dataDirectory) => Grounded.Evaluation.Answers.CovidQa.PathIn(dataDirectory);

    /// <summary>
    /// Cuts the papers into <paramref name="count"/> pieces of <paramref name="minWords"/>–<paramref name="maxWords"/>
    /// words; the lengths come from a fixed seed so every run embeds the same texts.
    /// </summary>
    public static List<string> Load(string dataDirectory, int count, int minWords = 100, int maxWords = 400)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minWords, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWords, minWords);
        using var stream = File.OpenRead(PathIn(dataDirectory));
        using var json = JsonDocument.Parse(stream);
        var random = new Random(20240917);
        var passages = new List<string>(count);
        foreach (var paper in json.RootElement.GetProperty("data").EnumerateArray())
        {
            foreach (var paragraph in paper.GetProperty("paragraphs").EnumerateArray())
            {
                var words = paragraph.GetProperty("context").GetString()!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                for (var start = 0; start < words.Length && passages.Count < count;)
                {
                    var length = random.Next(minWords, maxWords + 1);
                    if (words.Length - start < minWords)
                    {
                        break;
                    }

                    passages.Add(string.Join(' ', words, start, Math.Min(length, words.Length - start)));
                    start += length;
                }
            }
        }

        return passages;
    }
}
