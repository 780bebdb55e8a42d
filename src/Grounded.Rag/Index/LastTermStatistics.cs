using Grounded.Storage;

namespace Grounded.Rag.Index;

/// <summary>
/// Remembers the statistics of the last set of terms asked, so the stages of one question (the reranker's and the
/// answerer's sentence scorers) count its terms once between them: each count is an index lookup per term. One
/// reference, replaced as a whole, so concurrent questions never see a torn pair.
/// </summary>
public sealed class LastTermStatistics(ITermStatistics inner) : ITermStatistics
{
    private Entry? _last;

    /// <inheritdoc />
    public async Task<TermStatistics> GetTermStatisticsAsync(IReadOnlyCollection<string> terms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var key = string.Join('\n', terms.Order(StringComparer.Ordinal));
        if (_last is { } last && string.Equals(last.Key, key, StringComparison.Ordinal))
        {
            return last.Statistics;
        }

        var statistics = await inner.GetTermStatisticsAsync(terms, cancellationToken).ConfigureAwait(false);
        _last = new Entry(key, statistics);
        return statistics;
    }

    private sealed record Entry(string Key, TermStatistics Statistics);
}
