namespace Grounded.Evaluation.Datasets;

/// <summary>
/// Reads labelled text pairs: tab-separated as PAWS ships them (<c>id, sentence 1, sentence 2, label</c>), or
/// comma-separated with quoting (<c>question_1,question_2,similar</c>). Records have 3 fields (the two texts and the
/// label) or 4 (an id first); the label is 0 or 1; a first line whose label is not a number is a header and is skipped.
/// </summary>
public static class ParaphrasePairsFile
{
    /// <summary>Returns the pairs of <paramref name="path"/>; throws <see cref="DatasetException"/> when it is missing or malformed.</summary>
    public static IReadOnlyList<ParaphrasePair> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new DatasetException($"no such pairs file: {path}");
        }

        var tabs = File.ReadLines(path).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l))?.Contains('\t', StringComparison.Ordinal) ?? false;
        var pairs = new List<ParaphrasePair>();
        var firstRecord = true;
        try
        {
            foreach (var (line, fields) in tabs ? TabRecords(path) : CommaRecords(path))
            {
                if (fields.Count == 1 && string.IsNullOrWhiteSpace(fields[0]))
                {
                    continue;
                }

                if (Parse(fields, firstRecord, out var pair) is { } problem)
                {
                    throw new DatasetException($"{path} line {line}: {problem}");
                }

                firstRecord = false;

                if (pair is not null)
                {
                    pairs.Add(pair);
                }
            }
        }
        catch (FormatException error)
        {
            throw new DatasetException($"{path} {error.Message}", error);
        }

        return pairs.Count > 0 ? pairs : throw new DatasetException($"{path} holds no pairs (expected lines of 'id<TAB>text 1<TAB>text 2<TAB>0 or 1', or CSV 'text 1,text 2,0 or 1')");
    }

    // Returns the problem with a record, or null; `pair` is null for a header line.
    private static string? Parse(List<string> fields, bool mayBeHeader, out ParaphrasePair? pair)
    {
        pair = null;
        if (fields.Count is not (3 or 4))
        {
            return $"expected 3 or 4 fields (an optional id, text 1, text 2, label 0 or 1), found {fields.Count}";
        }

        var offset = fields.Count - 3;
        var label = fields[offset + 2].Trim();
        if (label is not ("0" or "1"))
        {
            return mayBeHeader && !label.Any(char.IsDigit) ? null : $"the label must be 0 or 1 (got '{Shorten(label)}')";
        }

        var first = fields[offset].Trim();
        var second = fields[offset + 1].Trim();
        if (first.Length == 0 || second.Length == 0)
        {
            return "a text is empty";
        }

        pair = new ParaphrasePair(first, second, label == "1");
        return null;
    }

    private static IEnumerable<(int Line, List<string> Fields)> TabRecords(string path) =>
        File.ReadLines(path).Select((text, i) => (i + 1, text.Split('\t').ToList()));

    private static IEnumerable<(int Line, List<string> Fields)> CommaRecords(string path)
    {
        using var reader = new StreamReader(path);
        foreach (var record in CsvRecords.Read(reader))
        {
            yield return record;
        }
    }

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
