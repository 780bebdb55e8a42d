using System.Globalization;
using System.Text.Json;
using Grounded.Evaluation.Datasets;

namespace Grounded.Evaluation.Answers;

/// <summary>
/// Reads an answer-quality data set: JSON Lines, one object per line with <c>question</c> (required), <c>answers</c>
/// (a list; empty = unanswerable), and optional <c>sources</c>, <c>tags</c> and <c>id</c>. Blank lines are skipped.
/// </summary>
public static class AnswerDataset
{
    /// <summary>Returns the items of <paramref name="path"/>; throws one <see cref="DatasetException"/> naming every bad line.</summary>
    public static IReadOnlyList<AnswerItem> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new DatasetException($"no such dataset file: {path}");
        }

        return Parse(File.ReadLines(path), path);
    }

    /// <summary>Returns the items of <paramref name="lines"/>, named <paramref name="name"/> in errors; every line is checked before one <see cref="DatasetException"/> lists the problems.</summary>
    public static IReadOnlyList<AnswerItem> Parse(IEnumerable<string> lines, string name)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var items = new List<AnswerItem>();
        var problems = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var (item, problem) = ParseLine(line, number);
            if (problem is null && !ids.Add(item!.Id))
            {
                problem = $"duplicate id \"{item.Id}\"";
            }

            if (problem is not null)
            {
                problems.Add($"line {number}: {problem}");
            }
            else
            {
                items.Add(item!);
            }
        }

        if (problems.Count > 0)
        {
            var shown = string.Join("; ", problems.Take(5)) + (problems.Count > 5 ? $"; and {problems.Count - 5} more" : string.Empty);
            throw new DatasetException($"{name}: {shown}");
        }

        return items.Count > 0 ? items : throw new DatasetException($"{name} holds no questions");
    }

    private static (AnswerItem? Item, string? Problem) ParseLine(string line, int number)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(line);
        }
        catch (JsonException error)
        {
            return (null, $"not valid JSON ({error.Message.Split('.')[0]})");
        }

        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, "expected a JSON object");
            }

            if (!root.TryGetProperty("question", out var q) || q.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(q.GetString()))
            {
                return (null, "\"question\" must be a non-empty string");
            }

            if (!root.TryGetProperty("answers", out var a) || a.ValueKind == JsonValueKind.Null)
            {
                return (null, "\"answers\" is missing or null (a list of acceptable answers; [] when the documents do not answer)");
            }

            var (answers, answersProblem) = Strings(a, "answers");
            var (sources, sourcesProblem) = root.TryGetProperty("sources", out var s) ? Strings(s, "sources") : ([], null);
            var (tags, tagsProblem) = root.TryGetProperty("tags", out var t) ? Strings(t, "tags") : ([], null);
            if ((answersProblem ?? sourcesProblem ?? tagsProblem) is { } problem)
            {
                return (null, problem);
            }

            string id;
            if (!root.TryGetProperty("id", out var idElement) || idElement.ValueKind == JsonValueKind.Null)
            {
                id = number.ToString(CultureInfo.InvariantCulture);
            }
            else if (idElement.ValueKind is JsonValueKind.String or JsonValueKind.Number && idElement.ToString().Trim() is { Length: > 0 } given)
            {
                id = given;
            }
            else
            {
                return (null, "\"id\" must be a non-empty string or a number");
            }

            return (new AnswerItem(id, q.GetString()!.Trim(), answers, sources, tags), null);
        }
    }

    private static (IReadOnlyList<string> Values, string? Problem) Strings(JsonElement element, string field)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return ([], null);
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            return ([], $"\"{field}\" must be a list of strings");
        }

        var values = new List<string>();
        foreach (var value in element.EnumerateArray())
        {
            if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
            {
                return ([], $"\"{field}\" must hold non-empty strings only");
            }

            values.Add(value.GetString()!.Trim());
        }

        return (values, null);
    }
}
