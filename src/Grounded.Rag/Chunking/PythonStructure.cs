using System.Text.RegularExpressions;

namespace Grounded.Rag.Chunking;

/// <summary>
/// Python structure by indentation: a <c>def</c>, <c>async def</c> or <c>class</c> line (with its decorators) owns
/// every following line indented deeper than it. Lines inside brackets, triple-quoted strings or after a backslash
/// continue the line before them, so their indentation does not end a block.
/// </summary>
internal sealed partial class PythonStructure : ICodeStructure
{
    public CodeUnit Parse(string text)
    {
        var lines = Scan(text);
        return CodeUnit.Root(text, Block(lines, 0, lines.Count, depth: 0));
    }

    private static List<CodeUnit> Block(List<Line> lines, int from, int to, int depth)
    {
        var units = new List<CodeUnit>();
        for (var i = from; i < to; i++)
        {
            if (lines[i].Blank || lines[i].Continues)
            {
                continue;
            }

            var header = i;
            while (header < to && (lines[header].Blank || lines[header].Continues || lines[header].Decorator))
            {
                header++;
            }

            if (header >= to || Definition().Match(lines[header].Text) is not { Success: true } match || lines[header].Indent != lines[i].Indent)
            {
                i = Math.Max(i, header - 1);
                continue;
            }

            var end = header + 1;
            while (end < to && (lines[end].Blank || lines[end].Continues || lines[end].Indent > lines[header].Indent))
            {
                end++;
            }

            while (end - 1 > header && lines[end - 1].Blank)
            {
                end--;
            }

            var children = depth < 32 ? Block(lines, header + 1, end, depth + 1) : [];
            units.Add(new CodeUnit(lines[i].Start, lines[end - 1].End, match.Groups["name"].Value, children));
            i = end - 1;
        }

        return units;
    }

    private static List<Line> Scan(string text)
    {
        var lines = new List<Line>();
        var brackets = 0;
        char? triple = null;
        var backslash = false;
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            var continues = brackets > 0 || triple is not null || backslash;
            var content = text.AsSpan(start, end - start).TrimEnd();
            var trimmed = content.TrimStart();
            var blank = trimmed.IsEmpty || (trimmed[0] == '#' && !continues);
            lines.Add(new Line(start, end, Indent(content), blank, continues, !continues && trimmed.StartsWith("@"), trimmed.ToString()));
            for (var i = 0; i < content.Length; i++)
            {
                var c = content[i];
                if (triple is { } q)
                {
                    if (c == '\\')
                    {
                        i++;
                    }
                    else if (c == q && content[i..].StartsWith(new string(q, 3)))
                    {
                        triple = null;
                        i += 2;
                    }
                }
                else if (c == '#')
                {
                    break;
                }
                else if (c is '"' or '\'')
                {
                    if (content[i..].StartsWith(new string(c, 3)))
                    {
                        triple = c;
                        i += 2;
                        continue;
                    }

                    // A one-line string: skip to its closing quote (or the end of the line when it is unterminated).
                    for (i++; i < content.Length && content[i] != c; i++)
                    {
                        if (content[i] == '\\')
                        {
                            i++;
                        }
                    }
                }
                else if (c is '(' or '[' or '{')
                {
                    brackets++;
                }
                else if (c is ')' or ']' or '}')
                {
                    brackets = Math.Max(0, brackets - 1);
                }
            }

            backslash = triple is null && content.EndsWith("\\");
            start = end;
        }

        return lines;
    }

    private static int Indent(ReadOnlySpan<char> line)
    {
        var indent = 0;
        foreach (var c in line)
        {
            if (c == ' ')
            {
                indent++;
            }
            else if (c == '\t')
            {
                indent += 8 - (indent % 8);
            }
            else
            {
                break;
            }
        }

        return indent;
    }

    [GeneratedRegex(@"^(?:async\s+)?(?:def|class)\s+(?<name>[A-Za-z_]\w*)")]
    private static partial Regex Definition();

    private sealed record Line(int Start, int End, int Indent, bool Blank, bool Continues, bool Decorator, string Text);
}
