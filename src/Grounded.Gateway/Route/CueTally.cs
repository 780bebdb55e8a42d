namespace Grounded.Gateway.Route;

/// <summary>What kind of hint a cue is.</summary>
internal enum CueKind
{
    Code,
    Strong,
    Weak,
    Latex,
}

/// <summary>The cues found in one text: code words and reasoning cues each once (lower case, in the order found); LaTeX commands counted.</summary>
internal sealed class CueTally
{
    private readonly List<string> _code = [];
    private readonly List<string> _reasoning = [];

    public IReadOnlyList<string> CodeWords => _code;

    public IReadOnlyList<string> ReasoningCues => _reasoning;

    public int StrongReasoning { get; private set; }

    public int Latex { get; private set; }

    public void Add(ReadOnlySpan<char> cue, CueKind kind)
    {
        switch (kind)
        {
            case CueKind.Code when !Has(_code, cue):
                _code.Add(cue.ToString().ToLowerInvariant());
                break;
            case CueKind.Strong or CueKind.Weak when !Has(_reasoning, cue):
                _reasoning.Add(cue.ToString().ToLowerInvariant());
                StrongReasoning += kind == CueKind.Strong ? 1 : 0;
                break;
            case CueKind.Latex:
                Latex++;
                break;
        }
    }

    private static bool Has(List<string> found, ReadOnlySpan<char> cue)
    {
        foreach (var known in found)
        {
            if (cue.Equals(known, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
