using System.Text.RegularExpressions;
using Grounded.Rag.Answer;
using Grounded.Stages;
using Grounded.Storage;

namespace Grounded.Rag.Rewrite;

/// <summary>
/// Corrects the words of a question that the index has never seen to the closest word it has ("carageenan" →
/// "carrageenan", "Clodstridium" → "Clostridium"), so a misspelt question still finds and judges its evidence by the
/// right words. A word is corrected only when no chunk contains it and an indexed term with the same first letter, in
/// at least two chunks, lies within one edit (words of 5–8 letters) or two (9 or more; insertions, deletions,
/// substitutions and swaps of neighbours); the nearest term wins, then the commoner. Names and codes are never
/// corrected: words under 5 letters, words with digits and words with capitals after the first letter ("CD28",
/// "AMPK", "eIF3") are usually a different thing than their neighbour ("CD8"), not a typo of it. Nor are real
/// English words the index lacks ("resign" is not a typo of "resin"; see <see cref="KnownWords"/>).
/// </summary>
/// <remarks>
/// A stemming index holds stems ("bacteriophag", "respiratori"); the stem is written back as the word the chunks
/// holding it spell it with ("bacteriophage", "respiratory"), the one nearest the typo
/// (<see cref="ITermVocabulary.TextsWithTermAsync"/>; a store without it leaves the stem).
/// </remarks>
/// <param name="statistics">Which words some chunk contains.</param>
/// <param name="vocabulary">The indexed terms corrections are chosen from, and the chunks that hold them.</param>
/// <param name="knownWords">Words never corrected (lower case); the default is <see cref="KnownWords.Default"/>.</param>
public sealed partial class SpellingCorrector(ITermStatistics statistics, ITermVocabulary vocabulary, IReadOnlySet<string>? knownWords = null) : IQueryRewriter
{
    private const int MinLength = 5;
    private const int TwoEditsFrom = 9;
    private const int MinChunks = 2;

    // At most this many unknown words are looked up per question, so a long text of unknown words stays cheap.
    private const int MaxCorrections = 6;

    /// <summary>
    /// Gets a check, made only when a question has a word to correct, that the caller sees the whole store; null when it
    /// always does. The word list and its counts are the store's: a caller who sees only part of it (a tenant among others)
    /// gets no corrections, as any correction or its absence would say something about words it may not see.
    /// </summary>
    public Func<CancellationToken, Task<bool>>? SeesWholeStore { get; init; }

    /// <inheritdoc />
    public async Task<string> RewriteAsync(string query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var words = Word().Matches(query).Select(m => m.Value).Where(Correctable).Select(w => w.ToLowerInvariant())
            .Where(w => !QueryTerms.StopWords.Contains(w)).Distinct(StringComparer.Ordinal).ToList();
        if (words.Count == 0)
        {
            return query;
        }

        // Words the index lacks, less real English words (the word list loads only when a question has such a word).
        var indexed = await statistics.GetTermStatisticsAsync(words, cancellationToken).ConfigureAwait(false);
        var unknown = words.Where(w => indexed.ChunkFrequency.TryGetValue(w, out var chunks) && chunks == 0).ToList();
        if (unknown.Count > 0)
        {
            unknown.RemoveAll((knownWords ?? KnownWords.Default).Contains);
        }

        if (unknown.Count == 0 || (SeesWholeStore is not null && !await SeesWholeStore(cancellationToken).ConfigureAwait(false)))
        {
            return query;
        }

        var corrections = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var word in unknown.Take(MaxCorrections))
        {
            var budget = Budget(word);
            var terms = await vocabulary.TermsStartingWithAsync(word[..1], word.Length - budget, word.Length + budget, cancellationToken).ConfigureAwait(false);
            if (Closest(word, terms) is { } term)
            {
                corrections[word] = await SpelledAsync(word, term, cancellationToken).ConfigureAwait(false);
            }
        }

        return corrections.Count == 0
            ? query
            : Word().Replace(query, m => Correctable(m.Value) && corrections.TryGetValue(m.Value.ToLowerInvariant(), out var c) ? (char.IsUpper(m.Value[0]) ? char.ToUpperInvariant(c[0]) + c[1..] : c) : m.Value);
    }

    // The word the chunks holding the term spell it with: of their words that start like the term (a stem starts its
    // words but for a last letter a stemmer may change: "bacteriophag" for "bacteriophage", "respiratori" for
    // "respiratory"), the one nearest the typo, then the commoner; else the term itself.
    private async Task<string> SpelledAsync(string typo, string term, CancellationToken cancellationToken)
    {
        var start = term.Length > MinLength ? term[..^1] : term;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in await vocabulary.TextsWithTermAsync(term, 5, cancellationToken).ConfigureAwait(false))
        {
            foreach (var word in Word().Matches(text).Select(m => m.Value.ToLowerInvariant()).Where(w => w.StartsWith(start, StringComparison.Ordinal)))
            {
                counts[word] = counts.GetValueOrDefault(word) + 1;
            }
        }

        return counts.Count == 0 ? term : counts.OrderBy(c => Distance(typo, c.Key, int.MaxValue - 1)).ThenByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).First().Key;
    }

    /// <summary>Returns the indexed term nearest to <paramref name="word"/> within its edit budget (ties: the one in more chunks), or null.</summary>
    internal static string? Closest(string word, IReadOnlyList<VocabularyTerm> terms)
    {
        var budget = Budget(word);
        string? best = null;
        var bestDistance = int.MaxValue;
        long bestChunks = 0;
        foreach (var term in terms)
        {
            if (Math.Abs(term.Term.Length - word.Length) > budget || term.Chunks < MinChunks)
            {
                continue;
            }

            var distance = Distance(word, term.Term, budget);
            if (distance <= budget && (distance < bestDistance || (distance == bestDistance && term.Chunks > bestChunks)))
            {
                (best, bestDistance, bestChunks) = (term.Term, distance, term.Chunks);
            }
        }

        return best;
    }

    private static int Budget(string word) => word.Length >= TwoEditsFrom ? 2 : 1;

    // Plain words only: long enough, letters only, lower case after a possible capital.
    private static bool Correctable(string word) =>
        word.Length >= MinLength && word.All(char.IsLetter) && word.Skip(1).All(c => !char.IsUpper(c));

    /// <summary>Returns the optimal-string-alignment distance of two strings, or <paramref name="budget"/> + 1 once it must exceed it.</summary>
    internal static int Distance(string a, string b, int budget)
    {
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], previous2[j - 2] + 1);
                }

                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > budget)
            {
                return budget + 1;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }

    // A letter/digit run, as KeywordQuery reads words.
    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
