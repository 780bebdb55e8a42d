namespace Grounded.Gateway.Cache;

/// <summary>
/// Finds signs that two texts whose embeddings are close mean different things (the failure of embeddings that PAWS
/// measures: the same words, swapped or minimally edited). Fast, local and deterministic; built from general English
/// grammar (closed word classes, no vocabulary fitted to a data set).
/// </summary>
/// <remarks>
/// The rules, in order:
/// <list type="number">
/// <item><b>numbers</b>: the texts' numbers differ ("five" and "5" are the same number).</item>
/// <item><b>negation</b>: one text negates and the other does not.</item>
/// <item><b>name</b>: a capitalised content word of one text (a name, an acronym — or a first word, which cannot be told
/// from one) is missing from the other.</item>
/// <item><b>order</b>: the words both texts share (all but articles) come in a different order — who did what to whom.</item>
/// <item><b>opposite</b>: one text says "before", "more", "and"… where the other says "after", "less", "or"….</item>
/// <item>In a <b>minimal pair</b> — texts that share at least one content word and either most of them (two thirds of the
/// shorter text's) or all but one on each side — an embedding's similarity is high whatever the edit, so the edit must
/// be harmless: the <b>question</b> words must be the same, and no content word may be <b>changed</b> (one word may be
/// added or dropped).</item>
/// </list>
/// </remarks>
internal static class ParaphraseGuard
{
    /// <summary>Returns why <paramref name="first"/> and <paramref name="second"/> likely mean different things, or null when nothing says so.</summary>
    public static GuardDifference? FindDifference(string first, string second) =>
        string.Equals(first, second, StringComparison.Ordinal) ? null : FindDifference(GuardText.Read(first), GuardText.Read(second));

    /// <summary>Returns why the two read texts likely mean different things, or null when nothing says so.</summary>
    public static GuardDifference? FindDifference(GuardText a, GuardText b)
    {
        if (!a.Numbers.SequenceEqual(b.Numbers, StringComparer.Ordinal))
        {
            return new("numbers", $"{List(Missing(a.Numbers, b.Numbers))} vs {List(Missing(b.Numbers, a.Numbers))}");
        }

        if (a.HasNegation != b.HasNegation)
        {
            return new("negation", "a negation in one text only");
        }

        var onlyA = Missing(a.Content, b.Content);
        var onlyB = Missing(b.Content, a.Content);
        var name = onlyA.FirstOrDefault(a.Capitalised.Contains) ?? onlyB.FirstOrDefault(b.Capitalised.Contains);
        if (name is not null)
        {
            return new("name", $"'{name}' in one text only");
        }

        if (WordOrder.OutOfOrder(a.OrderedWords, b.OrderedWords) > 0)
        {
            return new("order", "the shared words come in a different order");
        }

        if (Opposite(a.WordSet, b.WordSet) is { } opposite)
        {
            return new("opposite", opposite);
        }

        var shared = a.Content.Count - onlyA.Count;
        var shorter = Math.Min(a.Content.Count, b.Content.Count);
        var minimalPair = shared > 0 && (3 * shared >= 2 * shorter || Math.Max(onlyA.Count, onlyB.Count) <= 1);
        if (!minimalPair)
        {
            return null; // worded differently throughout: the embeddings' similarity is the judge
        }

        if (Question(a.WordSet, b.WordSet) is { } question)
        {
            return new("question", question);
        }

        if (onlyA.Count > 0 && onlyB.Count > 0)
        {
            return new("changed", $"{List(onlyA)} → {List(onlyB)}");
        }

        return onlyA.Count + onlyB.Count > 1 ? new("changed", $"{List(onlyA.Count > 0 ? onlyA : onlyB)} in one text only") : null;
    }

    // The words of `words` left over when `other`'s are taken out, as multisets, in `words`' order.
    private static List<string> Missing(List<string> words, List<string> other)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in other)
        {
            counts[word] = counts.GetValueOrDefault(word) + 1;
        }

        var missing = new List<string>();
        foreach (var word in words)
        {
            if (counts.TryGetValue(word, out var left) && left > 0)
            {
                counts[word] = left - 1;
            }
            else
            {
                missing.Add(word);
            }
        }

        return missing;
    }

    private static string? Opposite(HashSet<string> a, HashSet<string> b)
    {
        foreach (var (x, y) in GuardWords.Opposites)
        {
            if ((OnlyIn(a, b, x) && OnlyIn(b, a, y)) || (OnlyIn(a, b, y) && OnlyIn(b, a, x)))
            {
                return OnlyIn(a, b, x) ? $"'{x}' vs '{y}'" : $"'{y}' vs '{x}'";
            }
        }

        return null;
    }

    private static string? Question(HashSet<string> a, HashSet<string> b)
    {
        foreach (var word in GuardWords.QuestionWords)
        {
            if (a.Contains(word) != b.Contains(word))
            {
                var inA = GuardWords.QuestionWords.Where(w => a.Contains(w) && !b.Contains(w)).ToList();
                var inB = GuardWords.QuestionWords.Where(w => b.Contains(w) && !a.Contains(w)).ToList();
                return $"{List(inA)} vs {List(inB)}";
            }
        }

        return null;
    }

    private static bool OnlyIn(HashSet<string> words, HashSet<string> other, string word) => words.Contains(word) && !other.Contains(word);

    private static string List(List<string> words) =>
        words.Count == 0 ? "none" : string.Join(", ", words.Take(3).Select(w => $"'{w}'")) + (words.Count > 3 ? ", …" : string.Empty);
}
