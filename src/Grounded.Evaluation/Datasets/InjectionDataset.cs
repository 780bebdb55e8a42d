using System.Text.Json;

namespace Grounded.Evaluation.Datasets;

/// <summary>
/// Reads a labelled prompt-injection set: JSON lines <c>{"text": ..., "label": 1}</c> (deepset/prompt-injections) or CSV
/// with <c>prompt</c> (or <c>text</c>) and <c>label</c> columns, quoted fields holding commas and line breaks. A label is
/// 1/0, true/false, or <c>unsafe</c>/<c>safe</c> (also <c>injection</c>/<c>benign</c>, <c>jailbreak</c>).
/// </summary>
public static class InjectionDataset
{
    /// <summary>Returns the items of <paramref name="path"/>; throws <see cref="DatasetException"/> naming the line at fault.</summary>
    public static IReadOnlyList<LabelledText> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new DatasetException($"no such data set: {path}");
        }

        var first = File.ReadLines(path).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l))?.TrimStart();
        var items = first is not null && first.StartsWith('{') ? JsonLines(path) : Csv(path);
        return items.Count > 0 ? items : throw new DatasetException($"{path} holds no items (expected JSON lines {{\"text\", \"label\"}} or CSV with prompt and label columns)");
    }

    /// <summary>Reads a label: 1/0, true/false, unsafe/safe, injection/benign, jailbreak; null when it is none of these.</summary>
    public static bool? ParseLabel(string? label) => label?.Trim().ToLowerInvariant() switch
    {
        "1" or "1.0" or "true" or "unsafe" or "injection" or "jailbreak" or "malicious" => true,
        "0" or "0.0" or "false" or "safe" or "benign" => false,
        _ => null,
    };

    private static List<LabelledText> JsonLines(string path)
    {
        var items = new List<LabelledText>();
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
                var text = Property(root, "text") ?? Property(root, "prompt");
                var label = Property(root, "label");
                if (text?.ValueKind != JsonValueKind.String)
                {
                    throw new DatasetException($"{path} line {number}: no \"text\" string");
                }

                var value = label?.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.Number or JsonValueKind.String => ParseLabel(label.Value.ToString()),
                    _ => null,
                } ?? throw new DatasetException($"{path} line {number}: the label must be 1/0 or unsafe/safe (got {label?.GetRawText() ?? "none"})");
                items.Add(new LabelledText(text.Value.GetString()!, value));
            }
            catch (JsonException error)
            {
                throw new DatasetException($"{path} line {number}: not a JSON object ({error.Message})", error);
            }
        }

        return items;
    }

    private static JsonElement? Property(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) ? value : null;

    private static List<LabelledText> Csv(string path)
    {
        var items = new List<LabelledText>();
        using var reader = new StreamReader(path);
        int text = -1, label = -1;
        try
        {
            foreach (var (line, fields) in CsvRecords.Read(reader))
            {
                if (fields.Count == 1 && string.IsNullOrWhiteSpace(fields[0]))
                {
                    continue;
                }

                if (text < 0)
                {
                    var names = fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
                    text = names.IndexOf("prompt") is >= 0 and var p ? p : names.IndexOf("text");
                    label = names.IndexOf("label");
                    if (text < 0 || label < 0)
                    {
                        throw new DatasetException($"{path} line {line}: the header must name a prompt (or text) column and a label column (got {string.Join(", ", names)})");
                    }

                    continue;
                }

                if (fields.Count <= Math.Max(text, label))
                {
                    throw new DatasetException($"{path} line {line}: expected at least {Math.Max(text, label) + 1} fields, found {fields.Count}");
                }

                var value = ParseLabel(fields[label]) ?? throw new DatasetException($"{path} line {line}: the label must be 1/0 or unsafe/safe (got '{fields[label].Trim()}')");
                items.Add(new LabelledText(fields[text], value));
            }
        }
        catch (FormatException error)
        {
            throw new DatasetException($"{path} {error.Message}", error);
        }

        return items;
    }
}
