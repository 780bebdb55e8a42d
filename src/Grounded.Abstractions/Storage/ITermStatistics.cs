namespace Grounded.Storage;

/// <summary>
/// Corpus statistics a store can offer for lexical weighting: how many chunks it holds and how many contain each term.
/// Optional: stages that use it fall back to equal term weights when a store does not implement it.
/// </summary>
public interface ITermStatistics
{
    /// <summary>Returns the chunk count and, for each of <paramref name="terms"/>, the number of chunks containing it (0 when none).</summary>
    Task<TermStatistics> GetTermStatisticsAsync(IReadOnlyCollection<string> terms, CancellationToken cancellationToken);
}

/// <summary>Chunk count and per-term chunk frequencies.</summary>
/// <param name="Chunks">The number of chunks in the store.</param>
/// <param name="ChunkFrequency">For each asked term, the number of chunks containing it.</param>
public sealed record TermStatistics(long Chunks, IReadOnlyDictionary<string, long> ChunkFrequency)
{
    /// <summary>Gets statistics that weigh every term equally.</summary>
    public static TermStatistics None { get; } = new(0, new Dictionary<string, long>());

    /// <summary>Returns the inverse document frequency of a term: ln((N + 1) / (df + 0.5)); terms the corpus lacks weigh most; 1 for every term when there are no statistics.</summary>
    public double InverseFrequency(string term) =>
        Chunks == 0 ? 1 : Math.Log((Chunks + 1) / ((ChunkFrequency.TryGetValue(term, out var df) ? df : 0) + 0.5));
}
