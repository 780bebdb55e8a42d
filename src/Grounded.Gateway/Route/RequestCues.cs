using System.Buffers;

namespace Grounded.Gateway.Route;

/// <summary>
/// The words and phrases that hint at code or reasoning, found in one vectorized pass (<see cref="SearchValues{T}"/> over
/// every cue at once, case-insensitive), each counted once and only as a whole word.
/// </summary>
internal static class RequestCues
{
    /// <summary>Words that name code, its languages and tools; two of them (or code lines) make a request code.</summary>
    public static readonly string[] Code =
    [
        "python", "javascript", "typescript", "java", "c#", "c++", "golang", "rust", "kotlin", "swift", "php", "ruby", "scala",
        "sql", "regex", "regular expression", "bash", "powershell", "shell script", "html", "css", "json", "yaml", "xml",
        "function", "method", "class", "variable", "compile", "compiler", "stack trace", "traceback", "exception",
        "null pointer", "segfault", "refactor", "debug", "bug", "unit test", "api", "endpoint", "code", "script", "snippet",
        "def", "import", "#include", "console.log", "printf", "println", "async", "await", "lambda", "git", "docker",
        "kubernetes", "npm", "pip install", "dotnet", "linq", "algorithm", "implement", "implementation",
    ];

    /// <summary>Cues that alone make a request reasoning.</summary>
    public static readonly string[] StrongReasoning =
    [
        "prove", "proof", "step by step", "step-by-step", "theorem", "lemma", "derive", "derivation", "integral",
        "derivative", "equation", "equations", "puzzle", "riddle", "contradiction", "induction", "if and only if", "deduce",
        "syllogism", "probability", "think carefully", "reason through", "show that", "logic puzzle", "brain teaser",
    ];

    /// <summary>Cues that count only with another cue (or math): "why is the sky blue?" stays simple.</summary>
    public static readonly string[] WeakReasoning =
    [
        "why", "how many", "calculate", "compute", "solve", "explain", "compare", "analyze", "analyse", "evaluate",
        "estimate", "math", "logic", "logical", "therefore", "implies", "trade-off", "tradeoff", "pros and cons", "optimal",
    ];

    /// <summary>LaTeX commands, counted as math symbols.</summary>
    public static readonly string[] Latex = ["\\frac", "\\sum", "\\int", "\\sqrt", "\\lim", "\\prod", "\\infty", "\\cdot"];

    private static readonly SearchValues<string> Any = SearchValues.Create([.. Code, .. StrongReasoning, .. WeakReasoning, .. Latex], StringComparison.OrdinalIgnoreCase);

    // Cues by their first (lower-case, ASCII) character, longest first: which cue matched where SearchValues found one.
    private static readonly (string Cue, CueKind Kind)[][] ByFirst = BuildIndex();

    /// <summary>Adds every whole-word cue in <paramref name="text"/> to <paramref name="tally"/>.</summary>
    public static void Find(ReadOnlySpan<char> text, CueTally tally)
    {
        var from = 0;
        while (from < text.Length)
        {
            var at = text[from..].IndexOfAny(Any);
            if (at < 0)
            {
                return;
            }

            at += from;
            var match = Match(text, at);
            if (match is { } m)
            {
                tally.Add(m.Cue, m.Kind);
                from = at + m.Cue.Length;
            }
            else
            {
                from = at + 1;
            }
        }
    }

    private static (string Cue, CueKind Kind)? Match(ReadOnlySpan<char> text, int at)
    {
        var first = char.ToLowerInvariant(text[at]);
        if (first >= ByFirst.Length)
        {
            return null;
        }

        foreach (var (cue, kind) in ByFirst[first])
        {
            if (text[at..].StartsWith(cue, StringComparison.OrdinalIgnoreCase)
                && (!char.IsAsciiLetter(cue[0]) || at == 0 || !char.IsLetterOrDigit(text[at - 1]))
                && (!char.IsAsciiLetter(cue[^1]) || at + cue.Length == text.Length || !char.IsLetterOrDigit(text[at + cue.Length])))
            {
                return (cue, kind);
            }
        }

        return null;
    }

    private static (string, CueKind)[][] BuildIndex()
    {
        var all = Code.Select(c => (c, CueKind.Code))
            .Concat(StrongReasoning.Select(c => (c, CueKind.Strong)))
            .Concat(WeakReasoning.Select(c => (c, CueKind.Weak)))
            .Concat(Latex.Select(c => (c, CueKind.Latex)))
            .ToList();
        return [.. Enumerable.Range(0, 128).Select(i => all.Where(c => char.ToLowerInvariant(c.Item1[0]) == i).OrderByDescending(c => c.Item1.Length).ToArray())];
    }
}
