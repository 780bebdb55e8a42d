using Grounded.Storage;

namespace Grounded.Rag.Index;

public sealed partial class SqliteChunkStore : ITermStatistics
{
    /// <inheritdoc />
    public async Task<TermStatistics> GetTermStatisticsAsync(IReadOnlyCollection<string> terms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(terms);
        using var total = Command("SELECT count(*) FROM chunks", CurrentTransaction);
        var chunks = Convert.ToInt64(await total.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        var frequency = new Dictionary<string, long>(StringComparer.Ordinal);
        // Each term is matched as a quoted literal through the FTS tokenizer, so it is stemmed like the indexed text.
        using var count = Command("SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH $term", CurrentTransaction);
        var parameter = count.Parameters.Add("$term", Microsoft.Data.Sqlite.SqliteType.Text);
        foreach (var term in terms)
        {
            if (frequency.ContainsKey(term) || Retrieve.KeywordQuery.Build(term) is not { } match)
            {
                continue;
            }

            // A hyphenated term ("sars-cov-2") becomes the phrase "sars cov 2".
            parameter.Value = match.Replace("\" OR \"", " ", StringComparison.Ordinal);
            frequency[term] = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }

        return new TermStatistics(chunks, frequency);
    }
}
