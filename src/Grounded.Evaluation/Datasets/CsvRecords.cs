using System.Text;

namespace Grounded.Evaluation.Datasets;

/// <summary>Reads comma-separated records as RFC 4180 writes them: quoted fields may hold commas, doubled quotes and line breaks.</summary>
internal static class CsvRecords
{
    /// <summary>Returns each record's fields and the line it starts on; throws <see cref="FormatException"/> at a quote left open.</summary>
    public static IEnumerable<(int Line, List<string> Fields)> Read(TextReader reader)
    {
        var line = 1;
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var start = 1;
        var any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            any = true;
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    line += ch == '\n' ? 1 : 0;
                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    yield return (start, fields);
                    fields = [];
                    field.Clear();
                    line++;
                    start = line;
                    any = false;
                    break;
                default:
                    field.Append(ch);
                    break;
            }
        }

        if (quoted)
        {
            throw new FormatException($"line {start}: a quoted field is not closed");
        }

        if (any)
        {
            fields.Add(field.ToString());
            yield return (start, fields);
        }
    }
}
