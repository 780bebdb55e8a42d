using System.Text.Json;

namespace Grounded.Evaluation.Datasets;

/// <summary>Reads a questions file: JSON Lines, one <c>{"question": "...", "answer": "..."}</c> object per line; blank lines are skipped.</summary>
public static class QaQuestionsFile
{
    /// <summary>Returns the questions of <paramref name="path"/>; throws <see cref="DatasetException"/> when it is missing or malformed.</summary>
    public static IReadOnlyList<QaQuestion> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new DatasetException($"no such questions file: {path}");
        }

        var questions = new List<QaQuestion>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !Text(root, "question", out var question) || !Text(root, "answer", out var answer))
                {
                    throw new DatasetException($"{path} line {number}: expected {{\"question\": \"...\", \"answer\": \"...\"}} with non-empty strings");
                }

                questions.Add(new QaQuestion(question, answer));
            }
            catch (JsonException error)
            {
                throw new DatasetException($"{path} line {number}: not valid JSON ({error.Message.Split('.')[0]})", error);
            }
        }

        return questions.Count > 0 ? questions : throw new DatasetException($"{path} holds no questions");
    }

    private static bool Text(JsonElement root, string name, out string value)
    {
        value = root.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String ? element.GetString()!.Trim() : string.Empty;
        return value.Length > 0;
    }
}
