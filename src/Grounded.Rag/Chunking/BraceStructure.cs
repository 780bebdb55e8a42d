using System.Text.RegularExpressions;

namespace Grounded.Rag.Chunking;

/// <summary>
/// Structure of brace languages (JavaScript, TypeScript, and the fallback for other C-like code): a body splits into
/// statements at a <c>;</c> or a closing brace at its own depth, and a statement's largest brace body splits the same
/// way when the statement is too long. Strings, template literals and comments are skipped; an unmatched <c>{</c> runs
/// to the end of the text and a stray <c>}</c> ends a statement, so unbalanced code still parses.
/// </summary>
internal sealed partial class BraceStructure : ICodeStructure
{
    private const int MaxDepth = 32;

    public CodeUnit Parse(string text)
    {
        var code = CodeMask(text);
        var match = MatchBraces(text, code);
        return CodeUnit.Root(text, Statements(text, code, match, 0, text.Length, 0));
    }

    private static List<CodeUnit> Statements(string text, bool[] code, int[] match, int from, int to, int depth)
    {
        var units = new List<CodeUnit>();
        var start = from;
        var nesting = 0;
        for (var i = from; i < to; i++)
        {
            if (!code[i])
            {
                continue;
            }

            var c = text[i];
            if (c == '{' && nesting == 0)
            {
                var close = Math.Min(match[i], to - 1);
                i = close;
                if (!EndsStatement(text, code, close + 1, to))
                {
                    continue;
                }
            }
            else if (c is '(' or '[' or '{')
            {
                nesting++;
                continue;
            }
            else if (c is ')' or ']' or '}' && nesting > 0)
            {
                nesting--;
                continue;
            }
            else if (c != ';' && c != '}')
            {
                continue;
            }

            var end = LineEnd(text, i + 1, to);
            units.Add(Unit(text, code, match, start, end, depth));
            start = end;
            i = end - 1;
        }

        if (text.AsSpan(start, to - start).Trim().Length > 0)
        {
            units.Add(Unit(text, code, match, start, to, depth));
        }

        return units;
    }

    private static CodeUnit Unit(string text, bool[] code, int[] match, int start, int end, int depth)
    {
        // The statement's largest brace body (a class or function body, or a callback's) holds its nested units.
        int open = -1, size = 0;
        for (var i = start; i < end; i++)
        {
            if (code[i] && text[i] == '{' && Math.Min(match[i], end - 1) - i > size)
            {
                open = i;
                size = Math.Min(match[i], end - 1) - i;
                i = Math.Min(match[i], end - 1);
            }
        }

        var children = open >= 0 && depth < MaxDepth ? Statements(text, code, match, open + 1, open + size, depth + 1) : [];
        var header = Comments().Replace(text.Substring(start, (open >= 0 ? open : end) - start), " ").Trim();
        return new CodeUnit(start, end, Name(header), children);
    }

    private static string? Name(string header)
    {
        foreach (var pattern in (ReadOnlySpan<Regex>)[Declaration(), Variable(), Method()])
        {
            if (pattern.Match(header) is { Success: true } found && !Keywords.Contains(found.Groups["name"].Value))
            {
                return found.Groups["name"].Value;
            }
        }

        return null;
    }

    private static readonly HashSet<string> Keywords = ["if", "for", "while", "switch", "catch", "with", "return", "function", "else", "do", "try", "new", "typeof", "await"];

    // A closing brace ends a statement unless the statement goes on after it: `} else`, `} catch`, `}, x`, `}).then(...)`, `} = value`.
    private static bool EndsStatement(string text, bool[] code, int from, int to)
    {
        var i = from;
        while (i < to && (char.IsWhiteSpace(text[i]) || !code[i]))
        {
            i++;
        }

        if (i >= to)
        {
            return true;
        }

        var rest = text.AsSpan(i, Math.Min(8, to - i));
        return !(rest[0] is ')' or ']' or ',' or '.' or '?' or ':' or '=' or '(' or '[' or '+' or '-' or '*' or '/' or '&' or '|' or '<' or '>'
                 || rest.StartsWith("else") || rest.StartsWith("catch") || rest.StartsWith("finally") || rest.StartsWith("while") || rest.StartsWith("as "));
    }

    // A statement takes the rest of its line when only whitespace or a comment follows, so a trailing comment stays with it.
    private static int LineEnd(string text, int from, int to)
    {
        var newline = text.IndexOf('\n', from, to - from);
        var lineEnd = newline < 0 ? to : newline + 1;
        var rest = text.AsSpan(from, lineEnd - from).Trim();
        return rest.IsEmpty || rest.StartsWith("//") ? lineEnd : from;
    }

    /// <summary>Marks which characters are code (true) rather than inside a string, template literal text or comment.</summary>
    private static bool[] CodeMask(string text)
    {
        var code = new bool[text.Length];
        var templates = new Stack<int>(); // brace depth at which each open `${` returns to its template literal
        var braces = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (c == '/' && next == '/')
            {
                i = Skip(text, i, text.IndexOf('\n', i) is var n && n >= 0 ? n : text.Length);
            }
            else if (c == '/' && next == '*')
            {
                i = Skip(text, i, text.IndexOf("*/", i + 2, StringComparison.Ordinal) is var e && e >= 0 ? e + 2 : text.Length);
            }
            else if (c is '"' or '\'')
            {
                i = Skip(text, i, QuoteEnd(text, i, c));
            }
            else if (c == '`' || (c == '}' && templates.Count > 0 && templates.Peek() == braces))
            {
                if (c == '}')
                {
                    templates.Pop();
                }

                var j = i + 1;
                while (j < text.Length && text[j] != '`' && !(text[j] == '$' && j + 1 < text.Length && text[j + 1] == '{'))
                {
                    j += text[j] == '\\' ? 2 : 1;
                }

                if (j < text.Length && text[j] == '$')
                {
                    templates.Push(braces);
                    j += 2;
                }
                else
                {
                    j++;
                }

                i = Skip(text, i, Math.Min(j, text.Length));
            }
            else
            {
                code[i] = true;
                braces += c == '{' ? 1 : c == '}' ? -1 : 0;
                i++;
            }
        }

        return code;
    }

    private static int Skip(string text, int from, int to) => Math.Max(from + 1, Math.Min(to, text.Length));

    // Quoted strings end at their closing quote or, unterminated (an apostrophe in JSX text), at the end of the line.
    private static int QuoteEnd(string text, int open, char quote)
    {
        for (var j = open + 1; j < text.Length; j++)
        {
            if (text[j] == '\\')
            {
                j++;
            }
            else if (text[j] == quote)
            {
                return j + 1;
            }
            else if (text[j] == '\n')
            {
                return j;
            }
        }

        return text.Length;
    }

    /// <summary>For each code '{', the index of its matching '}', or the last index when it never closes.</summary>
    private static int[] MatchBraces(string text, bool[] code)
    {
        var match = new int[text.Length];
        var open = new Stack<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (!code[i])
            {
                continue;
            }

            if (text[i] == '{')
            {
                open.Push(i);
            }
            else if (text[i] == '}' && open.Count > 0)
            {
                match[open.Pop()] = i;
            }
        }

        while (open.Count > 0)
        {
            match[open.Pop()] = text.Length - 1;
        }

        return match;
    }

    [GeneratedRegex(@"//[^\n]*|/\*[\s\S]*?(\*/|$)")]
    private static partial Regex Comments();

    [GeneratedRegex(@"(?:^|[\s;])(?:function\*?|class|interface|enum|namespace|module|type|struct|record)\s+(?<name>[A-Za-z_$][\w$.]*)")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"^(?:export\s+)?(?:declare\s+)?(?:const|let|var)\s+(?<name>[A-Za-z_$][\w$]*)")]
    private static partial Regex Variable();

    [GeneratedRegex(@"^(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|private|protected|static|async|readonly|override|abstract|get|set|export|default)\s+)*\*?\s*(?<name>#?[A-Za-z_$][\w$]*)\s*(?:<[^>(]*>)?\s*\(")]
    private static partial Regex Method();
}
