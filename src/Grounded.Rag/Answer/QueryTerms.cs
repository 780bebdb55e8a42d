using System.Collections.Concurrent;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace Grounded.Rag.Answer;

/// <summary>
/// The content words of a text (lowercased, stop words dropped, stemmed with Snowball's English stemmer, so
/// "infected" and "infection" meet), for lexical overlap.
/// </summary>
internal static class QueryTerms
{
    // Stems of words seen before: an ask stems the same evidence words several times (reranker, answerer, chunks).
    private const int MostCachedStems = 50_000;
    private static readonly ConcurrentDictionary<string, string> Stems = new(StringComparer.Ordinal);

    // The stemmer keeps the word it works on: one per thread.
    [ThreadStatic]
    private static EnglishStemmer? _stemmer;

    internal static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "for", "with", "by", "at", "from", "as", "into", "about", "than", "then",
        "is", "are", "was", "were", "be", "been", "being", "do", "does", "did", "done", "has", "have", "had", "can", "could", "should", "would", "will", "may", "might", "must",
        "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "that", "this", "these", "those", "there", "here", "it", "its", "they", "them", "their",
        "we", "our", "you", "your", "he", "she", "his", "her", "i", "me", "my", "not", "no", "so", "such", "any", "some", "all", "each", "other", "more", "most", "also", "used", "use", "using",
    };

    public static HashSet<string> Of(string text) => [.. WithWords(text).Keys];

    /// <summary>
    /// Returns the content terms of <paramref name="text"/>, each with the first word (lower case) it was made from:
    /// a store's index stems words its own way, so a term's statistics must be looked up by the word, not the term.
    /// </summary>
    public static Dictionary<string, string> WithWords(string text)
    {
        var terms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var word in ContentWords(text))
        {
            terms.TryAdd(Stem(word), word);
        }

        return terms;
    }

    /// <summary>Returns the content terms of <paramref name="text"/> in the order they occur (repeats kept), for phrase matching.</summary>
    public static List<string> Sequence(string text) => [.. ContentWords(text).Select(Stem)];

    // The text's words (letters, digits and inner hyphens), lower case, without one-letter words and stop words, in order.
    private static IEnumerable<string> ContentWords(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '-');
            if (isWord && start < 0)
            {
                start = i;
            }
            else if (!isWord && start >= 0)
            {
                var word = text[start..i].Trim('-').ToLowerInvariant();
                if (word.Length > 1 && !StopWords.Contains(word))
                {
                    yield return word;
                }

                start = -1;
            }
        }
    }

    /// <summary>Returns the share of <paramref name="query"/>'s terms found in <paramref name="text"/>'s terms.</summary>
    public static double Coverage(HashSet<string> query, HashSet<string> text) =>
        query.Count == 0 ? 0 : query.Count(text.Contains) / (double)query.Count;

    private static string Stem(string word)
    {
        if (Stems.TryGetValue(word, out var cached))
        {
            return cached;
        }

        var stemmer = _stemmer ??= new EnglishStemmer();
        stemmer.SetCurrent(word);
        stemmer.Stem();
        if (Stems.Count >= MostCachedStems)
        {
            Stems.Clear();
        }

        return Stems[word] = stemmer.Current;
    }
}
