using System.Text.RegularExpressions;

namespace Grounded.Guards.Pii;

/// <summary>Looks for context words (a recognizer's cue pattern) in a window of text around a candidate.</summary>
internal static class Cues
{
    /// <summary>Returns whether <paramref name="cue"/> matches within <paramref name="before"/> characters before <paramref name="start"/>.</summary>
    public static bool Before(Regex cue, string text, int start, int before)
    {
        var from = Math.Max(0, start - before);
        return cue.IsMatch(text.AsSpan(from, start - from));
    }

    /// <summary>Returns whether <paramref name="cue"/> matches within <paramref name="after"/> characters after <paramref name="end"/>.</summary>
    public static bool After(Regex cue, string text, int end, int after) =>
        cue.IsMatch(text.AsSpan(end, Math.Min(after, text.Length - end)));

    /// <summary>Returns whether <paramref name="cue"/> matches shortly before or after the span.</summary>
    public static bool Around(Regex cue, string text, int start, int end, int before, int after) =>
        Before(cue, text, start, before) || After(cue, text, end, after);
}
