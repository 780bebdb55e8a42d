using Grounded.Rag.Retrieve;
using Grounded.Storage;
using Npgsql;

namespace Grounded.Postgres;

public sealed partial class PostgresChunkStore : ITermStatistics, ITermVocabulary
{
    // How many of a document's chunks hold each word: unnest(tsvector) yields each of a chunk's words once.
    private const string DocumentTermsSql =
        "SELECT u.lexeme AS term, count(*) AS n FROM chunks c CROSS JOIN LATERAL unnest(c.tsv) AS u WHERE c.document_id = @id GROUP BY u.lexeme";

    /// <summary>Counts, per word, the chunks of <paramref name="documentId"/> that hold it: call before its chunks are deleted or replaced.</summary>
    internal static async Task<(string[] Terms, long[] Chunks)> CountDocumentTermsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string documentId, CancellationToken cancellationToken)
    {
        await using var count = new NpgsqlCommand(DocumentTermsSql, connection, transaction);
        count.Parameters.AddWithValue("id", documentId);
        var terms = new List<string>();
        var chunks = new List<long>();
        await using var reader = await count.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            terms.Add(reader.GetString(0));
            chunks.Add(reader.GetInt64(1));
        }

        return ([.. terms], [.. chunks]);
    }

    /// <summary>
    /// Brings the word list up to date for <paramref name="documentId"/>: it gains the words of the document's chunks now
    /// and loses <paramref name="before"/> (from <see cref="CountDocumentTermsAsync"/>). One statement, its rows taken in
    /// word order, so concurrent writers queue on common words but cannot deadlock.
    /// </summary>
    internal static async Task ApplyDocumentTermsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string documentId, (string[] Terms, long[] Chunks) before, CancellationToken cancellationToken)
    {
        await using var apply = new NpgsqlCommand($"""
            INSERT INTO chunk_terms(term, chunks)
            SELECT term, sum(n) FROM (
                {DocumentTermsSql}
                UNION ALL
                SELECT o.term, -o.n FROM unnest(@before_terms::text[], @before_chunks::bigint[]) AS o(term, n)) d
            GROUP BY term HAVING sum(n) <> 0 ORDER BY term
            ON CONFLICT (term) DO UPDATE SET chunks = chunk_terms.chunks + excluded.chunks
            """, connection, transaction);
        apply.Parameters.AddWithValue("id", documentId);
        apply.Parameters.AddWithValue("before_terms", before.Terms);
        apply.Parameters.AddWithValue("before_chunks", before.Chunks);
        await apply.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<VocabularyTerm>> TermsStartingWithAsync(string prefix, int minLength, int maxLength, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        await using var command = _source.CreateCommand("""
            SELECT term, chunks FROM chunk_terms
            WHERE term >= @low AND term < @high AND length(term) BETWEEN @min AND @max AND chunks > 0
            """);
        command.Parameters.AddWithValue("low", prefix);
        command.Parameters.AddWithValue("high", prefix + char.MaxValue);
        command.Parameters.AddWithValue("min", minLength);
        command.Parameters.AddWithValue("max", maxLength);
        var terms = new List<VocabularyTerm>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            terms.Add(new VocabularyTerm(reader.GetString(0), reader.GetInt64(1)));
        }

        return terms;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> TextsWithTermAsync(string term, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(term);
        // The 'simple' configuration leaves the term as the index holds it; ':*' matches it and longer lexemes.
        await using var command = _source.CreateCommand("SELECT text FROM chunks WHERE tsv @@ to_tsquery('simple', quote_literal(@term) || ':*') LIMIT @limit");
        command.Parameters.AddWithValue("term", term);
        command.Parameters.AddWithValue("limit", limit);
        var texts = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            texts.Add(reader.GetString(0));
        }

        return texts;
    }

    /// <summary>Returns the chunk count and, per term, how many chunks contain it, matched as the embedded store matches it (its words as a phrase, Porter-stemmed).</summary>
    public async Task<TermStatistics> GetTermStatisticsAsync(IReadOnlyCollection<string> terms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var asked = terms.Distinct(StringComparer.Ordinal)
            .Select(t => (Term: t, Words: string.Join(' ', KeywordQuery.Terms(t))))
            .Where(t => t.Words.Length > 0).ToList();
        await using var command = _source.CreateCommand("""
            SELECT NULL::text, count(*) FROM chunks
            UNION ALL
            SELECT t.term, (SELECT count(*) FROM chunks c WHERE c.tsv @@ phraseto_tsquery('grounded', t.words))
            FROM unnest(@terms::text[], @words::text[]) AS t(term, words)
            """);
        command.Parameters.AddWithValue("terms", asked.Select(t => t.Term).ToArray());
        command.Parameters.AddWithValue("words", asked.Select(t => t.Words).ToArray());
        long chunks = 0;
        var frequency = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (reader.IsDBNull(0))
            {
                chunks = reader.GetInt64(1);
            }
            else
            {
                frequency[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        return new TermStatistics(chunks, frequency);
    }
}
