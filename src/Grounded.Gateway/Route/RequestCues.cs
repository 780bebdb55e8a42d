using System.Collections.Frozen;

namespace Grounded.Gateway.Route;

/// <summary>
/// The words and phrases that hint at code or reasoning. <see cref="TextSignals.Scan"/> looks every word it passes up
/// here (case-insensitive, without allocating), and a phrase only from a word that can start one.
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

    /// <summary>The separators a phrase's words may have between them, one each: <c>step by step</c>, <c>step-by-step</c>, <c>console.log</c> (<see cref="TextSignals"/> tests them inline).</summary>
    public const string PhraseSeparators = " -.";

    /// <summary>The longest phrase, in words.</summary>
    public const int LongestPhrase = 4;

    private static readonly FrozenDictionary<string, CueKind> Cues = Code.Select(c => (c, CueKind.Code))
        .Concat(StrongReasoning.Select(c => (c, CueKind.Strong)))
        .Concat(WeakReasoning.Select(c => (c, CueKind.Weak)))
        .Concat(Latex.Select(c => (c, CueKind.Latex)))
        .ToFrozenDictionary(c => c.Item1, c => c.Item2, StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, CueKind>.AlternateLookup<ReadOnlySpan<char>> Lookup = Cues.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string> Starters = Cues.Keys
        .Where(c => c.AsSpan().IndexOfAny(PhraseSeparators) > 0)
        .Select(c => c[..c.AsSpan().IndexOfAny(PhraseSeparators)])
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StarterLookup = Starters.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Gets the longest cue, in characters: longer spans are not looked up.</summary>
    public static int LongestCue { get; } = Cues.Keys.Max(c => c.Length);

    // Which (first letter, second letter, length) a cue or a phrase's first word has: most words are ruled out by one array
    // read instead of a hash lookup.
    private static readonly bool[] CueShapes = Shapes(Cues.Keys);
    private static readonly bool[] StarterShapes = Shapes(Starters);

    /// <summary>Returns the kind of cue <paramref name="text"/> is, or null.</summary>
    public static CueKind? Find(ReadOnlySpan<char> text) =>
        text.Length <= LongestCue && (Shape(text) is not { } shape || CueShapes[shape]) && Lookup.TryGetValue(text, out var kind) ? kind : null;

    /// <summary>Returns whether a phrase can start with the word <paramref name="word"/>.</summary>
    public static bool Starts(ReadOnlySpan<char> word) => Shape(word) is { } shape && StarterShapes[shape] && StarterLookup.Contains(word);

    // A word of two ASCII letters or more, up to 31 characters, has a shape; others are looked up directly.
    private static int? Shape(ReadOnlySpan<char> word) =>
        word.Length is >= 2 and < 32 && char.IsAsciiLetter(word[0]) && char.IsAsciiLetter(word[1])
            ? ((((word[0] | 0x20) - 'a') * 26) + ((word[1] | 0x20) - 'a')) * 32 + word.Length
            : null;

    private static bool[] Shapes(IEnumerable<string> words)
    {
        var shapes = new bool[26 * 26 * 32];
        foreach (var word in words)
        {
            if (Shape(word) is { } shape)
            {
                shapes[shape] = true;
            }
        }

        return shapes;
    }
}
