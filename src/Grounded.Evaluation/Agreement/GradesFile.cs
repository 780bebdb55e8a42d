using System.Globalization;
using System.Text.Json;
using Grounded.Evaluation.Datasets;

namespace Grounded.Evaluation.Agreement;

/// <summary>
/// Reads one rater's grades: JSON Lines (<c>{"id": ..., "score": 4}</c> per line, <c>grade</c> instead of <c>score</c>
/// also accepted, ids strings or numbers) or CSV with a header naming an <c>id</c> column and a <c>score</c> or
/// <c>grade</c> column. A file ending in <c>.csv</c> is CSV; anything else is JSON Lines.
/// </summary>
public static class GradesFile
{
    private static readonly string[] GradeNames = ["score", "grade"];

    /// <summary>Returns the grades of <paramref name="path"/>; throws <see cref="DatasetException"/> naming the file and line at fault.</summary>
    public static IReadOnlyList<Grade> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new DatasetException($"no such grades file: {path}");
        }

        var grades = path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? ReadCsv(path) : ReadJsonLines(path);
        if (grades.Count == 0)
        {
            throw new DatasetException($"{path} holds no grades (expected lines of {{\"id\": ..., \"score\": N}}, or CSV with id and score columns)");
        }

        var repeated = grades.GroupBy(g => g.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return repeated is null ? grades : throw new DatasetException($"{path}: the id '{repeated.Key}' is graded {repeated.Count()} times");
    }

    private static List<Grade> ReadJsonLines(string path)
    {
        var grades = new List<Grade>();
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
                if (root.ValueKind != JsonValueKind.Object)
                {
                    throw new DatasetException($"{path} line {number}: expected an object {{\"id\": ..., \"score\": N}}");
                }

                var id = root.TryGetProperty("id", out var idElement) ? Scalar(idElement) : null;
                var value = GradeNames.Select(n => root.TryGetProperty(n, out var e) ? Scalar(e) : null).FirstOrDefault(v => v is not null);
                grades.Add(Make(id, value, $"{path} line {number}"));
            }
            catch (JsonException error)
            {
                throw new DatasetException($"{path} line {number}: not valid JSON ({error.Message.Split('.')[0]})", error);
            }
        }

        return grades;
    }

    private static List<Grade> ReadCsv(string path)
    {
        var grades = new List<Grade>();
        int? idColumn = null;
        int? gradeColumn = null;
        using var reader = new StreamReader(path);
        try
        {
            foreach (var (line, fields) in CsvRecords.Read(reader))
            {
                if (fields.Count == 1 && string.IsNullOrWhiteSpace(fields[0]))
                {
                    continue;
                }

                if (idColumn is null || gradeColumn is null)
                {
                    var names = fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
                    idColumn = names.IndexOf("id");
                    gradeColumn = GradeNames.Select(n => names.IndexOf(n)).FirstOrDefault(i => i >= 0, -1);
                    if (idColumn < 0 || gradeColumn < 0)
                    {
                        throw new DatasetException($"{path} line {line}: the header must name an 'id' column and a 'score' or 'grade' column (found: {string.Join(", ", fields)})");
                    }

                    continue;
                }

                var at = $"{path} line {line}";
                if (fields.Count <= Math.Max(idColumn.Value, gradeColumn.Value))
                {
                    throw new DatasetException($"{at}: expected {Math.Max(idColumn.Value, gradeColumn.Value) + 1} fields, found {fields.Count}");
                }

                grades.Add(Make(fields[idColumn.Value].Trim(), fields[gradeColumn.Value].Trim(), at));
            }
        }
        catch (FormatException error)
        {
            throw new DatasetException($"{path} {error.Message}", error);
        }

        return grades;
    }

    private static Grade Make(string? id, string? value, string at)
    {
        if (string.IsNullOrEmpty(id))
        {
            throw new DatasetException($"{at}: the item has no id");
        }

        if (string.IsNullOrEmpty(value))
        {
            throw new DatasetException($"{at}: item '{id}' has no score (or grade)");
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? new Grade(id, number)
            : throw new DatasetException($"{at}: item '{id}' has a score that is not a number ('{value}')");
    }

    private static string? Scalar(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()?.Trim(),
        JsonValueKind.Number => element.GetRawText(),
        _ => null,
    };
}
