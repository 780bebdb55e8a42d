using Grounded.Rag.Embed;

namespace Grounded.Rag.Rewrite;

/// <summary>
/// The English words spelling correction must never "correct": the whole words (not <c>##</c> pieces) of the
/// uncased WordPiece vocabulary shipped with arctic-embed-xs, about 21,000 words of Wikipedia and books. A word there
/// ("resign", "tonic", "strata") is a real word the index happens to lack, not a typo of an indexed one.
/// </summary>
internal static class KnownWords
{
    private static readonly Lazy<HashSet<string>> English = new(Load);

    /// <summary>Gets the words, lower case, letters only.</summary>
    public static IReadOnlySet<string> Default => English.Value;

    private static HashSet<string> Load()
    {
        using var reader = new StreamReader(ArcticXsModel.OpenVocabulary());
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var word = line.Trim();
            if (word.Length > 1 && word.All(char.IsLower))
            {
                words.Add(word);
            }
        }

        return words;
    }
}
