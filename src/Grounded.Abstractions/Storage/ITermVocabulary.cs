namespace Grounded.Storage;

/// <summary>
/// The words a store's keyword index holds, for spelling suggestions. Optional: without it questions are searched as
/// written.
/// </summary>
public interface ITermVocabulary
{
    /// <summary>Returns the indexed terms that start with <paramref name="prefix"/> (lower case, in the index's own normalised form), <paramref name="minLength"/> to <paramref name="maxLength"/> characters long, and how many chunks contain each.</summary>
    Task<IReadOnlyList<VocabularyTerm>> TermsStartingWithAsync(string prefix, int minLength, int maxLength, CancellationToken cancellationToken);

    /// <summary>
    /// Returns the texts of up to <paramref name="limit"/> chunks holding <paramref name="term"/> (an indexed term, as
    /// <see cref="TermsStartingWithAsync"/> gives it) or a longer term it starts, so a stem can be written as the word
    /// the documents use. The term is matched as it is, not normalised again; the default finds none.
    /// </summary>
    Task<IReadOnlyList<string>> TextsWithTermAsync(string term, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}

/// <summary>An indexed term and the number of chunks containing it.</summary>
/// <param name="Term">The term as the index holds it (lower case; stemmed when the index stems).</param>
/// <param name="Chunks">The number of chunks containing it.</param>
public sealed record VocabularyTerm(string Term, long Chunks);
