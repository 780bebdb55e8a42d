using Grounded.Storage;

namespace Grounded.Rag.Index;

public sealed partial class SqliteChunkStore : ITermStatistics, ITermVocabulary
{
    /// <inheritdoc />
    public Task<TermStatistics> GetTermStatisticsAsync(IReadOnlyCollection<string> terms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return ReadLockedAsync(() => CountTermsAsync(terms, cancellationToken), cancellationToken);
    }

    private async Task<TermStatistics> CountTermsAsync(IReadOnlyCollection<string> terms, CancellationToken cancellationToken)
    {
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

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> TextsWithTermAsync(string term, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(term);
        return ReadLockedAsync<IReadOnlyList<string>>(async () =>
        {
            // A prefix query is not stemmed again ("increas" would become "increa"); it matches the term and longer ones.
            using var select = Command("SELECT c.text FROM chunks_fts f JOIN chunks c ON c.seq = f.rowid WHERE chunks_fts MATCH $match LIMIT $limit", CurrentTransaction);
            select.Parameters.AddWithValue("$match", "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\" *");
            select.Parameters.AddWithValue("$limit", limit);
            var texts = new List<string>();
            using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                texts.Add(reader.GetString(0));
            }

            return texts;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<VocabularyTerm>> TermsStartingWithAsync(string prefix, int minLength, int maxLength, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        return ReadLockedAsync<IReadOnlyList<VocabularyTerm>>(async () =>
        {
            // fts5vocab reads the FTS index's own term list (porter-stemmed forms); a temp table, so nothing is written to the store.
            using (var create = Command("CREATE VIRTUAL TABLE IF NOT EXISTS temp.chunks_vocab USING fts5vocab(main, chunks_fts, row)", CurrentTransaction))
            {
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            using var select = Command("SELECT term, doc FROM temp.chunks_vocab WHERE term >= $low AND term < $high AND length(term) BETWEEN $min AND $max", CurrentTransaction);
            select.Parameters.AddWithValue("$min", minLength);
            select.Parameters.AddWithValue("$max", maxLength);
            select.Parameters.AddWithValue("$low", prefix);
            select.Parameters.AddWithValue("$high", prefix + char.MaxValue);
            var terms = new List<VocabularyTerm>();
            using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                terms.Add(new VocabularyTerm(reader.GetString(0), reader.GetInt64(1)));
            }

            return terms;
        }, cancellationToken);
    }
}
