using System.Text.Json;

namespace Grounded.Evaluation.Datasets;

/// <summary>
/// Reads a PII evaluation set in presidio-research's layout: a JSON array (or JSON lines) of objects with
/// <c>full_text</c> and <c>spans</c>, each span with <c>entity_type</c>, <c>start_position</c> and <c>end_position</c>
/// (end exclusive; <c>entity_value</c> and other fields are ignored).
/// </summary>
public static class PresidioDataset
{
    /// <summary>Returns the samples of <paramref name="path"/>; throws <see cref="DatasetException"/> when it is missing or malformed.</summary>
    public static IReadOnlyList<PiiSample> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new DatasetException($"no such PII data set: {path}");
        }

        string content;
        try
        {
            content = File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new DatasetException($"cannot read {path}: {error.Message}", error);
        }

        var samples = new List<PiiSample>();
        try
        {
            if (content.TrimStart().StartsWith('['))
            {
                using var document = JsonDocument.Parse(content);
                foreach (var item in document.RootElement.EnumerateArray())
                {
                    samples.Add(Sample(item, samples.Count + 1));
                }
            }
            else
            {
                foreach (var line in content.Split('\n').Where(l => !string.IsNullOrWhiteSpace(l)))
                {
                    using var document = JsonDocument.Parse(line);
                    samples.Add(Sample(document.RootElement, samples.Count + 1));
                }
            }
        }
        catch (JsonException error)
        {
            throw new DatasetException($"{path} is not presidio-research JSON: {error.Message}", error);
        }
        catch (FormatException error)
        {
            throw new DatasetException($"{path} {error.Message}", error);
        }

        return samples.Count > 0 ? samples : throw new DatasetException($"{path} holds no samples (expected objects with full_text and spans)");
    }

    private static PiiSample Sample(JsonElement item, int number)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("full_text", out var text) || text.ValueKind != JsonValueKind.String)
        {
            throw new FormatException($"sample {number}: expected an object with a full_text string");
        }

        var full = text.GetString()!;
        var spans = new List<PiiSpan>();
        if (item.TryGetProperty("spans", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var span in list.EnumerateArray())
            {
                var type = span.TryGetProperty("entity_type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : null;
                if (type is null || !span.TryGetProperty("start_position", out var s) || !s.TryGetInt32(out var start)
                    || !span.TryGetProperty("end_position", out var e) || !e.TryGetInt32(out var end))
                {
                    throw new FormatException($"sample {number}: a span needs entity_type, start_position and end_position");
                }

                if (start < 0 || end <= start || end > full.Length)
                {
                    throw new FormatException($"sample {number}: span {type} [{start}, {end}) is outside its {full.Length}-character text");
                }

                spans.Add(new PiiSpan(type, start, end));
            }
        }

        return new PiiSample(full, spans);
    }
}
