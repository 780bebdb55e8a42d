using Grounded.Guards.Text;

namespace Grounded.Guards.Injection;

/// <summary>
/// A text made ready for the injection detector: normalised, searched for patterns, and cut into the pieces the
/// classifier embeds. The detector and its training harness both prepare texts here, so the classifier is scored in
/// production on exactly what it was calibrated on.
/// </summary>
internal sealed class InjectionInput
{
    private InjectionInput(NormalizedText normalized, IReadOnlyList<HeuristicMatch> matches, IReadOnlyList<(int Start, int Length)> windows)
    {
        Normalized = normalized;
        Matches = matches;
        Windows = windows;
    }

    /// <summary>Gets the normalised text.</summary>
    public NormalizedText Normalized { get; }

    /// <summary>Gets the injection patterns found in the normalised text.</summary>
    public IReadOnlyList<HeuristicMatch> Matches { get; }

    /// <summary>Gets the pieces of the normalised text the classifier scores (none for an empty text).</summary>
    public IReadOnlyList<(int Start, int Length)> Windows { get; }

    /// <summary>Gets the pieces' texts, in the order of <see cref="Windows"/>.</summary>
    public IEnumerable<string> Units => Windows.Select(w => Normalized.Text.Substring(w.Start, w.Length));

    /// <summary>Prepares <paramref name="text"/> in windows of at most <paramref name="windowChars"/> characters, scoring at most <paramref name="maxWindows"/> of them (spread over the whole text when it has more).</summary>
    public static InjectionInput Prepare(string text, int windowChars, int maxWindows = int.MaxValue)
    {
        var normalized = TextNormalizer.Normalize(text);
        var windows = string.IsNullOrWhiteSpace(normalized.Text) ? [] : Spread(InjectionWindows.Split(normalized.Text, windowChars), maxWindows);
        return new InjectionInput(normalized, InjectionHeuristics.Find(normalized.Text), windows);
    }

    // A text longer than the cap is sampled evenly, first and last windows included, rather than read only at its start.
    private static IReadOnlyList<(int Start, int Length)> Spread(IReadOnlyList<(int Start, int Length)> windows, int max)
    {
        if (windows.Count <= max)
        {
            return windows;
        }

        if (max == 1)
        {
            return [windows[0]];
        }

        return Enumerable.Range(0, max).Select(i => windows[(int)Math.Round(i * (windows.Count - 1) / (double)(max - 1))]).ToList();
    }
}
