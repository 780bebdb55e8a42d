using System.Buffers;
using System.Text.RegularExpressions;

namespace Grounded.Guards.Pii;

/// <summary>
/// Finds street addresses: a street anchored by a street word (a suffix such as "St" or "Road", a first word such as
/// "Rue" or "Via", a compound ending such as "-straat" or "-katu"), a post-office or military box, or a name and number
/// right after a cue ("lives at", "Address:"); the match then grows over units, places and postal codes on the same
/// line and the lines below, so a multi-line address block is one entity.
/// </summary>
/// <remarks>
/// Every numbered pattern starts or ends at a house number, so the patterns are tried only there (anchored with
/// <c>\G</c>) instead of at every letter: the cost follows the count of numbers in the text, not its length.
/// </remarks>
internal sealed partial class StreetAddressRecognizer : IPiiRecognizer
{
    private const int MostWordsBefore = 5;
    private const int CueReach = 60;

    private static readonly SearchValues<string> CueStems = SearchValues.Create(
        ["address", "addr", "live", "resid", "located", "situated", "moved", "sent", "send", "ship", "deliver", "mail", "return",
         "forward", "meet", "drop", "stop", "arrived", "office", "headquarters", "billing", "postal", "station", "venue", "corner"],
        StringComparison.OrdinalIgnoreCase);

    public string Type => PiiTypes.StreetAddress;

    public void Recognize(string text, List<PiiEntity> found)
    {
        var cased = HasCapitals(text);
        var grower = new AddressGrower(text, cased);
        if (cased)
        {
            foreach (var suffix in StrongSuffix().EnumerateMatches(text))
            {
                TryBefore(text, suffix.Index, UnnumberedStreet(), 0.45, grower, found, 3);
            }
        }

        var coveredUntil = 0;
        var starts = new List<int>(MostWordsBefore + 1);
        for (var at = text.AsSpan().IndexOfAnyInRange('0', '9'); at >= 0; at = NextRun(text, at))
        {
            if (at < coveredUntil)
            {
                continue;
            }

            var before = found.Count;
            var end = at;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            // Every pattern starting at a number goes on with a space ("2437 Main St"), or a letter and a space ("12B Main St").
            var spaceAfter = end + 1 < text.Length && (text[end] == ' ' || (char.IsAsciiLetter(text[end]) && text[end + 1] == ' '));
            if (spaceAfter && (at == 0 || !char.IsLetterOrDigit(text[at - 1])))
            {
                _ = TryNumberThenWords(text, at, cased, grower, found) || (cased && Try(NumberNameNumber(), text, at, 0.55, grower, found));
            }

            if (at > 1 && text[at - 1] == ' ' && found.Count == before)
            {
                TryEndingAt(text, at, cased, grower, found, starts);
            }

            if (found.Count > before)
            {
                coveredUntil = found[^1].End;
            }
        }

        foreach (var box in (cased ? Box() : BoxAnyCase()).EnumerateMatches(text))
        {
            found.Add(grower.Grow(box.Index, box.Index + box.Length, 0.85));
        }
    }

    // The house number at `at` ends the street: try the patterns from the farthest word before it to the nearest.
    private void TryEndingAt(string text, int at, bool cased, AddressGrower grower, List<PiiEntity> found, List<int> starts)
    {
        WordStartsBefore(text, at, MostWordsBefore, starts);
        if (starts.Count == 0)
        {
            return;
        }

        var lastWord = text.AsSpan(starts[0], at - starts[0]).TrimEnd(" ,");
        if (StreetLexicon.EndsCompound(lastWord) && TryEach(cased ? CompoundStreetCased() : CompoundStreetAnyCase(), text, starts, cased ? 0.75 : 0.7, grower, found, cased ? LowerCaseEndingFollowsAName : null))
        {
            return;
        }

        for (var i = starts.Count - 1; i >= 0; i--)
        {
            var space = text.IndexOf(' ', starts[i]);
            var word = text.AsSpan(starts[i], (space < 0 ? text.Length : space) - starts[i]);
            var capitalised = !cased || char.IsUpper(word[0]) || word is "ul." or "ulica" or "c/"; // Polish and Spanish write these in lower case
            if (StreetLexicon.IsPrefix(word) && capitalised && Try(cased ? PrefixedStreetCased() : PrefixedStreetAnyCase(), text, starts[i], cased ? 0.8 : 0.75, grower, found))
            {
                return;
            }
        }

        var reach = Math.Max(0, starts[^1] - CueReach);
        if (cased && text.AsSpan(reach, at - reach).IndexOfAny(CueStems) >= 0)
        {
            for (var i = starts.Count - 1; i >= 0; i--)
            {
                var from = Math.Max(0, starts[i] - CueReach);
                if (CueBefore().IsMatch(text.AsSpan(from, starts[i] - from)) && Try(AfterCue(), text, starts[i], 0.7, grower, found))
                {
                    return;
                }
            }
        }
    }

    private void TryBefore(string text, int at, Regex pattern, double score, AddressGrower grower, List<PiiEntity> found, int words)
    {
        var starts = new List<int>(words);
        WordStartsBefore(text, at, words, starts);
        TryEach(pattern, text, starts, score, grower, found);
    }

    // A compound ending written on its own in lower case ("Erzsébet tér 19") follows a name; alone it is an ordinary word ("a tie 5").
    private static bool LowerCaseEndingFollowsAName(Match match)
    {
        var words = match.Groups["w"].Captures;
        return !char.IsLower(words[^1].ValueSpan[0]) || words.Count >= 2;
    }

    // House numbers then words: a first street word ("33 avenue de Provence") or the last street suffix among capitalised words ("2202 Rissik St").
    private static bool TryNumberThenWords(string text, int at, bool cased, AddressGrower grower, List<PiiEntity> found)
    {
        var match = NumberThenWords().Match(text, at);
        if (!match.Success)
        {
            return false;
        }

        var words = match.Groups["w"].Captures;
        var score = cased ? 0.8 : 0.75;
        if (words.Count >= 2 && StreetLexicon.IsPrefix(words[0].ValueSpan))
        {
            found.Add(grower.Grow(match.Index, match.Index + match.Length, score));
            return true;
        }

        var end = -1;
        for (var i = 0; i < words.Count && i < (cased ? 5 : 4); i++)
        {
            if (cased && !StreetLexicon.IsNameWord(words[i].ValueSpan))
            {
                break;
            }

            if (StreetLexicon.IsSuffix(words[i].ValueSpan, cased))
            {
                end = words[i].Index + words[i].Length;
            }
        }

        if (end < 0 || Date().IsMatch(text.AsSpan(match.Index, end - match.Index)))
        {
            return false;
        }

        found.Add(grower.Grow(match.Index, end, score));
        return true;
    }

    private static bool TryEach(Regex pattern, string text, List<int> starts, double score, AddressGrower grower, List<PiiEntity> found, Func<Match, bool>? valid = null)
    {
        for (var i = starts.Count - 1; i >= 0; i--)
        {
            if (Try(pattern, text, starts[i], score, grower, found, valid))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Try(Regex pattern, string text, int at, double score, AddressGrower grower, List<PiiEntity> found, Func<Match, bool>? valid = null)
    {
        var match = pattern.Match(text, at);
        if (!match.Success || Date().IsMatch(match.ValueSpan) || (valid is not null && !valid(match)))
        {
            return false;
        }

        found.Add(grower.Grow(match.Index, match.Index + match.Length, score));
        return true;
    }

    // The starts of up to `count` words (or numbers) before `at` on the same line, nearest first.
    private static void WordStartsBefore(string text, int at, int count, List<int> starts)
    {
        starts.Clear();
        var i = at;
        while (starts.Count < count && i > 0)
        {
            while (i > 0 && text[i - 1] is ' ' or ',')
            {
                i--;
            }

            var end = i;
            while (i > 0 && (char.IsLetterOrDigit(text[i - 1]) || text[i - 1] is '.' or '-' or '\'' or '’' or '/' || char.GetUnicodeCategory(text[i - 1]) == System.Globalization.UnicodeCategory.NonSpacingMark))
            {
                i--;
            }

            if (i == end)
            {
                break; // a line break or other punctuation ends the street
            }

            starts.Add(i);
        }
    }

    private static int NextRun(string text, int at)
    {
        var end = at;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        var next = end < text.Length ? text.AsSpan(end).IndexOfAnyInRange('0', '9') : -1;
        return next < 0 ? -1 : end + next;
    }

    private static bool HasCapitals(string text)
    {
        foreach (var c in text)
        {
            if (char.IsUpper(c))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(StreetPatterns.NumberThenWords, RegexOptions.CultureInvariant)]
    private static partial Regex NumberThenWords();

    [GeneratedRegex(StreetPatterns.PrefixedStreetCased, RegexOptions.CultureInvariant)]
    private static partial Regex PrefixedStreetCased();

    [GeneratedRegex(StreetPatterns.PrefixedStreetAnyCase, RegexOptions.CultureInvariant)]
    private static partial Regex PrefixedStreetAnyCase();

    [GeneratedRegex(StreetPatterns.CompoundStreetCased, RegexOptions.CultureInvariant)]
    private static partial Regex CompoundStreetCased();

    [GeneratedRegex(StreetPatterns.CompoundStreetAnyCase, RegexOptions.CultureInvariant)]
    private static partial Regex CompoundStreetAnyCase();

    [GeneratedRegex(@"\G" + StreetPatterns.NumberNameNumber, RegexOptions.CultureInvariant)]
    private static partial Regex NumberNameNumber();

    [GeneratedRegex(@"\G" + StreetPatterns.UnnumberedStreet, RegexOptions.CultureInvariant)]
    private static partial Regex UnnumberedStreet();

    [GeneratedRegex(@"\G" + StreetPatterns.AfterCue, RegexOptions.CultureInvariant)]
    private static partial Regex AfterCue();

    [GeneratedRegex(StreetPatterns.CueBefore, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.RightToLeft)]
    private static partial Regex CueBefore();

    [GeneratedRegex(StreetPatterns.Box, RegexOptions.CultureInvariant)]
    private static partial Regex Box();

    [GeneratedRegex(StreetPatterns.Box, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BoxAnyCase();

    // "29 July 2015" has the shape of "29 Laukaantie 80".
    [GeneratedRegex(@"^\d{1,2}\.?[ ](?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?[ ]\d{2,4}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Date();

    [GeneratedRegex(@"\b(?:" + StreetWords.StrongSuffixes + @")(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex StrongSuffix();
}
