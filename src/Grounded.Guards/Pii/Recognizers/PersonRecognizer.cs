using System.Collections.Frozen;

namespace Grounded.Guards.Pii;

/// <summary>
/// Finds people's names without a language model: runs of capitalised words that are not common words, places or
/// organisations ("Miki C Kristiansen", "Willemine ten Pas"), scored by what surrounds them — a title ("Mrs."), an
/// introduction ("my name is", "Name:"), a relation or role ("my kid", "producer"), a verb of speech ("says"), a line
/// of its own (a signature) — and, when the lists are on, by common first names and surnames. A second pass
/// (<see cref="NameEchoes"/>) adds later mentions of a found name and the other members of a list of names.
/// </summary>
internal sealed class PersonRecognizer(bool useNameLists) : IPiiRecognizer
{
    private const int MostNameWords = 4;
    private const int CueWindow = 40;

    public string Type => PiiTypes.Person;

    // Names are read in segments of at most this many characters, cut at a line or sentence end: the echo and list passes
    // compare every name with every token, which is quadratic in a segment (a megabyte of "Mary Ann, " took minutes in one
    // piece), and linear over a text read in bounded segments. A name's echo in another segment is the only thing lost.
    internal const int SegmentChars = 4_000;

    public void Recognize(string text, List<PiiEntity> found)
    {
        if (text.Length <= SegmentChars)
        {
            RecognizeSegment(text, found);
            return;
        }

        var part = new List<PiiEntity>();
        for (var start = 0; start < text.Length;)
        {
            var end = SegmentEnd(text, start);
            part.Clear();
            RecognizeSegment(text[start..end], part);
            found.AddRange(part.Select(e => e with { Start = e.Start + start }));
            start = end;
        }
    }

    private static int SegmentEnd(string text, int start)
    {
        if (text.Length - start <= SegmentChars)
        {
            return text.Length;
        }

        var limit = start + SegmentChars;
        var cut = text.LastIndexOfAny(['\n', '.', '!', '?'], limit - 1, SegmentChars / 2);
        if (cut < 0)
        {
            cut = text.LastIndexOfAny([' ', '\t'], limit - 1, SegmentChars / 2);
        }

        return cut < 0 ? limit : cut + 1;
    }

    private void RecognizeSegment(string text, List<PiiEntity> found)
    {
        var tokens = NameToken.Read(text);
        if (!HasCapitals(tokens))
        {
            Uncase(text, tokens);
        }

        var names = new List<PiiEntity>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!StartsName(text, tokens, i))
            {
                continue;
            }

            var last = ExtendName(text, tokens, i, out var words);
            var score = Score(text, tokens, i, last, words);
            if (score > 0)
            {
                names.Add(new PiiEntity(tokens[i].Start, tokens[last].End - tokens[i].Start, Type, Math.Min(score, 0.9)));
            }

            i = last;
        }

        NameEchoes.Add(text, tokens, names, IsNameWord);
        found.AddRange(names);
    }

    private static bool HasCapitals(List<NameToken> tokens) => tokens.Exists(t => t.Capitalised);

    // Text typed without capitals: only a listed name, or the word after an introduction ("my name is vitoria"), can start one.
    private void Uncase(string text, List<NameToken> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = Word(text, tokens[i]);
            var listed = useNameLists && (Is(NameLexicon.First, word) || (i > 0 && tokens[i - 1].Capitalised && Is(NameLexicon.Family, word)));
            if ((listed || Cues.Before(PersonCues.Introduction(), text, tokens[i].Start, CueWindow)) && !Is(NameLexicon.NotNames, word))
            {
                tokens[i] = tokens[i] with { Capitalised = true };
            }
        }
    }

    private static ReadOnlySpan<char> Word(string text, NameToken token) => text.AsSpan(token.Start, token.Length);

    private static bool Is(FrozenSet<string> set, ReadOnlySpan<char> word) => set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    // A capitalised word that is not a common word, a title, or a contraction ("You're").
    private static bool IsNameWord(string text, NameToken token)
    {
        if (!token.Capitalised || token.Length < 2)
        {
            return false;
        }

        var word = Word(text, token);
        var apostrophe = word.IndexOfAny('\'', '’');
        return !(apostrophe > 0 && char.IsLower(word[apostrophe + 1])) && !LooksLikeAProduct(word) && !Is(NameLexicon.NotNames, word)
            && !Is(NameLexicon.Honorifics, word) && !(word.Length > 5 && word.EndsWith("ed", StringComparison.Ordinal) && !Is(NameLexicon.First, word));
    }

    // "OpenAI", "PostgreSQL", "NuGet", "Ctrl-C": capitals inside a word, except after a name prefix ("McCray", "DeVries", "MacDonald").
    private static bool LooksLikeAProduct(ReadOnlySpan<char> word)
    {
        var inner = 0;
        var at = -1;
        for (var i = 1; i < word.Length; i++)
        {
            if (char.IsUpper(word[i]) && word[i - 1] is not ('-' or '\'' or '’'))
            {
                inner++;
                at = i;
            }
            else if (word[i] == '-' && (i + 2 >= word.Length || word[i + 2] == '-'))
            {
                return true; // a single letter after a hyphen
            }
        }

        return inner > 1 || (inner == 1 && at > 3);
    }

    private static bool IsInitial(NameToken token) => token.Capitalised && token.Length == 1;

    private static bool StartsName(string text, List<NameToken> tokens, int i) =>
        IsNameWord(text, tokens[i]) || (IsInitial(tokens[i]) && i + 1 < tokens.Count && Adjacent(text, tokens[i], tokens[i + 1]) && IsNameWord(text, tokens[i + 1]));

    // Words of one name are separated by one space, or by ". " after an initial ("V. Arauš"); a possessive ends the name.
    private static bool Adjacent(string text, NameToken left, NameToken right)
    {
        if (left.Possessive)
        {
            return false;
        }

        var gap = text.AsSpan(left.End, right.Start - left.End);
        return gap is " " || (left.Length == 1 && gap is ". ");
    }

    // Returns the index of the name's last token; `words` counts its name words (not initials, particles or suffixes).
    private int ExtendName(string text, List<NameToken> tokens, int first, out int words)
    {
        words = IsNameWord(text, tokens[first]) ? 1 : 0;
        var last = first;
        while (last + 1 < tokens.Count && words < MostNameWords && Adjacent(text, tokens[last], tokens[last + 1]))
        {
            var next = tokens[last + 1];
            var word = Word(text, next);
            var followedByName = last + 2 < tokens.Count && Adjacent(text, next, tokens[last + 2]) && IsNameWord(text, tokens[last + 2]);
            if (IsNameWord(text, next) || (useNameLists && next.Capitalised && Is(NameLexicon.Family, word) && Is(NameLexicon.First, Word(text, tokens[first]))))
            {
                words++;
            }
            else if (!((IsInitial(next) || Is(NameLexicon.Particles, word)) && followedByName) && !(words > 0 && Is(NameLexicon.Suffixes, word)))
            {
                break;
            }

            last++;
        }

        return last;
    }

    private double Score(string text, List<NameToken> tokens, int first, int last, int words)
    {
        if (words == 0 || NotAName(text, tokens, last))
        {
            return 0;
        }

        var start = tokens[first].Start;
        var end = tokens[last].End;
        var afterEnd = end + (tokens[last].Possessive ? 2 : 0);
        if (AfterHonorific(text, tokens, first))
        {
            return 0.85;
        }

        if (Cues.Before(PersonCues.Introduction(), text, start, CueWindow))
        {
            return 0.8;
        }

        var initialInside = false;
        for (var k = first + 1; k < last; k++)
        {
            initialInside |= IsInitial(tokens[k]);
        }

        var sentenceStart = StartsSentence(text, start);
        var score = words >= 2 ? (initialInside ? 0.65 : sentenceStart ? 0.42 : 0.45) : (sentenceStart ? 0.1 : 0.2);
        if (useNameLists)
        {
            score = Math.Max(score, FromLists(text, tokens[first], tokens[last], words, sentenceStart));
        }

        if (Cues.Before(PersonCues.Relation(), text, start, CueWindow) || Cues.After(PersonCues.ActAfter(), text, afterEnd, 30))
        {
            score = Math.Max(score, words >= 2 ? 0.7 : 0.55);
        }
        else if (words >= 2 && (Cues.After(PersonCues.StateAfter(), text, afterEnd, 20) || Cues.Before(PersonCues.Preposition(), text, start, 12)))
        {
            score = Math.Max(score, 0.6);
        }

        if (tokens[last].Possessive && words >= 2)
        {
            score = Math.Max(score, 0.6);
        }

        if (words >= 2 && IsLineOfItsOwn(text, start, end))
        {
            score = Math.Max(score, 0.6); // a signature, or the first line of an address block
        }
        else if (words == 1 && first == last && IsLineOfItsOwn(text, start, start) && Cues.After(PersonCues.VocativeAfter(), text, end, 12))
        {
            score = Math.Max(score, 0.5); // "Cora, can I ..."
        }
        else if (words == 1 && first == last && text.AsSpan(Math.Max(0, start - 2), Math.Min(2, start)) is ", " && end < text.Length && text[end] is '!' or '?')
        {
            score = Math.Max(score, 0.45); // "..., Lori!"
        }

        return score - Penalty(text, tokens, first, start, end);
    }

    // An organisation word after it ("Johnson Inc"), a street word at its end ("Mathias Pass", "Bundesstrasse").
    private static bool NotAName(string text, List<NameToken> tokens, int last)
    {
        var lastWord = Word(text, tokens[last]);
        return (last + 1 < tokens.Count && Adjacent(text, tokens[last], tokens[last + 1]) && Is(NameLexicon.OrganisationWords, Word(text, tokens[last + 1])))
            || Is(StreetLexicon.Suffixes, lastWord) || StreetLexicon.EndsCompound(lastWord);
    }

    private static double Penalty(string text, List<NameToken> tokens, int first, int start, int end)
    {
        var penalty = 0.0;
        if (first > 0 && Word(text, tokens[first - 1]) is "the" or "The" && tokens[first - 1].End + 1 == start)
        {
            penalty += 0.25; // "the Ásgeirsdóttir novel"
        }

        if (Cues.Before(PersonCues.PlaceBefore(), text, start, 8))
        {
            penalty += 0.1; // "in Den Haag", "of Lexisnexis"
        }

        if (start > 0 && text[start - 1] is '"' or '“' && end < text.Length && text[end] is '"' or '”')
        {
            penalty += 0.3; // a quoted title
        }

        var after = text.AsSpan(end, Math.Min(7, text.Length - end));
        if (after.Length > 1 && after[0] == ' ' && char.IsAsciiDigit(after[1]))
        {
            penalty += 0.3; // "Joaquin Suarez 2906": a street named after someone
        }

        return penalty;
    }

    // "Mrs. Schwarz", "Dr Cindy Holinka"; but not "Cheriton Dr Reuquén", where "Dr" is a street's Drive.
    private static bool AfterHonorific(string text, List<NameToken> tokens, int first)
    {
        if (first == 0 || !Is(NameLexicon.Honorifics, Word(text, tokens[first - 1])) || !text.AsSpan(tokens[first - 1].End, tokens[first].Start - tokens[first - 1].End).Trim(". ").IsEmpty)
        {
            return false;
        }

        var title = tokens[first - 1];
        if (Word(text, title) is not "Dr")
        {
            return true;
        }

        // "Dr" after a number or a capitalised word inside a sentence is a street's Drive.
        var before = text.AsSpan(0, title.Start).TrimEnd(' ');
        return before.IsEmpty || !(char.IsAsciiDigit(before[^1])
            || (first >= 2 && tokens[first - 2].End == before.Length && tokens[first - 2].Capitalised && !StartsSentence(text, tokens[first - 2].Start)));
    }

    private static double FromLists(string text, NameToken first, NameToken last, int words, bool sentenceStart)
    {
        var firstKnown = Is(NameLexicon.First, Word(text, first));
        var lastKnown = Is(NameLexicon.Family, Word(text, last));
        return (words, firstKnown, lastKnown) switch
        {
            ( >= 2, true, true) => 0.8,
            ( >= 2, true, false) => 0.7,
            ( >= 2, false, true) => 0.55,
            (1, true, _) => sentenceStart ? 0.5 : 0.55,
            (1, false, true) => sentenceStart ? 0.3 : 0.45,
            _ => 0,
        };
    }

    private static bool StartsSentence(string text, int start)
    {
        for (var i = start - 1; i >= 0; i--)
        {
            var c = text[i];
            if (c is ' ' or '\t' or '"' or '“' or '\'' or '(' or '>')
            {
                continue;
            }

            return c is '.' or '!' or '?' or '\n' or '\r' or ':' or ';';
        }

        return true;
    }

    // Whether only quoting marks ("> ", "??? ") and spaces stand between the line's start and `start`, and between `end` and the line's end.
    private static bool IsLineOfItsOwn(string text, int start, int end)
    {
        var lineStart = start == 0 ? 0 : text.LastIndexOf('\n', start - 1) + 1;
        var lineEnd = text.IndexOf('\n', end);
        var before = text.AsSpan(lineStart, start - lineStart).Trim(" \t>?*-•");
        var after = text.AsSpan(end, (lineEnd < 0 ? text.Length : lineEnd) - end).TrimEnd(" \t\r,");
        return before.IsEmpty && (end == start || after.IsEmpty);
    }
}
