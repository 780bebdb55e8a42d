namespace Grounded.Guards.Pii;

/// <summary>
/// The person recognizer's second pass: a word of a name found with two or more words is a name wherever else it stands
/// capitalised in the text ("Ayna Khadzhiyev ... early Khadzhiyev"), and in a list of single capitalised words
/// ("Efimiya, Mary, Ariana and Jodi") the members that were not found are names when one of them was.
/// </summary>
internal static class NameEchoes
{
    private const double EchoScore = 0.6;
    private const double ListScore = 0.5;
    private const double Found = 0.4;

    public static void Add(string text, List<NameToken> tokens, List<PiiEntity> names, Func<string, NameToken, bool> isNameWord)
    {
        if (names.Count == 0)
        {
            return;
        }

        AddEchoes(text, tokens, names, isNameWord);
        AddListMembers(text, tokens, names, isNameWord);
    }

    private static void AddEchoes(string text, List<NameToken> tokens, List<PiiEntity> names, Func<string, NameToken, bool> isNameWord)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names.Where(n => n.Score >= Found && text.AsSpan(n.Start, n.Length).Contains(' ')))
        {
            foreach (var token in tokens.Where(t => t.Start >= name.Start && t.End <= name.End && isNameWord(text, t)))
            {
                words.Add(text.Substring(token.Start, token.Length));
            }
        }

        if (words.Count == 0)
        {
            return;
        }

        var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var token in tokens)
        {
            if (token.Capitalised && lookup.Contains(text.AsSpan(token.Start, token.Length)) && !Covered(names, token))
            {
                names.Add(new PiiEntity(token.Start, token.Length, PiiTypes.Person, EchoScore));
            }
        }
    }

    // Single name words joined by ", " and " and ": when one is a found name, the others are too.
    private static void AddListMembers(string text, List<NameToken> tokens, List<PiiEntity> names, Func<string, NameToken, bool> isNameWord)
    {
        var i = 0;
        while (i < tokens.Count)
        {
            var j = i;
            while (j + 1 < tokens.Count && isNameWord(text, tokens[j]) && ListGap(text, tokens[j], tokens[j + 1]) && isNameWord(text, tokens[j + 1]))
            {
                j++;
            }

            if (j > i && Enumerable.Range(i, j - i + 1).Any(k => names.Exists(n => n.Score >= Found && n.Start == tokens[k].Start && n.End == tokens[k].End)))
            {
                for (var k = i; k <= j; k++)
                {
                    if (!Covered(names, tokens[k]))
                    {
                        names.Add(new PiiEntity(tokens[k].Start, tokens[k].Length, PiiTypes.Person, ListScore));
                    }
                }
            }

            i = j + 1;
        }
    }

    private static bool ListGap(string text, NameToken left, NameToken right)
    {
        var gap = text.AsSpan(left.End, right.Start - left.End);
        return !left.Possessive && gap is ", " or " and " or ", and " or " & ";
    }

    // Covered by a name surer than a guess; a weaker candidate on the same words is joined with the new one by the merger.
    private static bool Covered(List<PiiEntity> names, NameToken token) => names.Exists(n => n.Score >= Found && n.Start < token.End && token.Start < n.End);
}
