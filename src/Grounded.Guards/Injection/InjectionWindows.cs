using System.Text.RegularExpressions;

namespace Grounded.Guards.Injection;

/// <summary>
/// Cuts a long text into the pieces the classifier scores: runs of whole sentences up to a length the classifier was
/// calibrated with, each sharing its first sentence with the previous one's last, so an instruction hidden in the middle
/// of a document chunk is scored nearly on its own instead of drowned in the chunk's mean. A short text is one piece.
/// </summary>
internal static partial class InjectionWindows
{
    /// <summary>Returns the pieces (start, length) of <paramref name="text"/> to score, each at most <paramref name="maxChars"/> characters.</summary>
    public static IReadOnlyList<(int Start, int Length)> Split(string text, int maxChars)
    {
        if (text.Length <= maxChars)
        {
            return [(0, text.Length)];
        }

        var sentences = Sentences(text, maxChars);
        var windows = new List<(int Start, int Length)>();
        var first = 0;
        while (first < sentences.Count)
        {
            var start = sentences[first].Start;
            var last = first;
            while (last + 1 < sentences.Count && sentences[last + 1].Start + sentences[last + 1].Length - start <= maxChars)
            {
                last++;
            }

            windows.Add((start, sentences[last].Start + sentences[last].Length - start));
            if (last + 1 >= sentences.Count)
            {
                break;
            }

            // Overlap by the last sentence when it fits beside the next one, so a two-sentence instruction is seen whole.
            var next = sentences[last + 1];
            first = last > first && next.Start + next.Length - sentences[last].Start <= maxChars ? last : last + 1;
        }

        return windows;
    }

    // Sentences (at . ! ? or a line break), each at most maxChars: a longer one is cut at spaces.
    private static List<(int Start, int Length)> Sentences(string text, int maxChars)
    {
        var found = new List<(int Start, int Length)>();
        var at = 0;
        foreach (var end in Boundary().EnumerateMatches(text))
        {
            Add(found, text, at, end.Index - at, maxChars);
            at = end.Index + end.Length;
        }

        Add(found, text, at, text.Length - at, maxChars);
        return found;
    }

    private static void Add(List<(int Start, int Length)> found, string text, int start, int length, int maxChars)
    {
        while (length > 0 && char.IsWhiteSpace(text[start]))
        {
            start++;
            length--;
        }

        while (length > maxChars)
        {
            var cut = text.LastIndexOf(' ', start + maxChars - 1, maxChars / 2);
            var piece = cut > start ? cut - start : maxChars;
            found.Add((start, piece));
            start += piece;
            length -= piece;
            while (length > 0 && char.IsWhiteSpace(text[start]))
            {
                start++;
                length--;
            }
        }

        if (length > 0 && text.AsSpan(start, length).ContainsAnyExcept(" \t\r\n"))
        {
            found.Add((start, length));
        }
    }

    // After sentence punctuation (kept with its sentence) and white space, or at a line break.
    [GeneratedRegex(@"(?<=[.!?…])\s+|\s*\n\s*")]
    private static partial Regex Boundary();
}
