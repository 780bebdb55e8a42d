using Grounded.Rag.Retrieve;
using Grounded.Storage;
using Npgsql;

namespace Grounded.Postgres;

public sealed partial class PostgresChunkStore : ITermStatistics, ITermVocabulary
{
    // Adds each word of a document's chunks to the word list (sign 1) or takes it away (sign -1), in one statement
    // whose rows are locked in word order, so concurrent writers cannot deadlock on the list.
    private const string TermDeltaSql = """
        INSERT INTO chunk_terms(term, chunks)
        SELECT u.lexeme, @sign * count(*) FROM chunks c CROSS JOIN LATERAL unnest(c.tsv) AS u
        WHERE c.document_id = @id GROUP BY u.lexeme ORDER BY u.lexeme
        ON CONFLICT (term) DO UPDATE SET chunks = chunk_terms.chunks + excluded.chunks
        """;

    /// <summary>Adds (<paramref name="sign"/> 1) or removes (-1) the words of <paramref name="documentId"/>'s current chunks to or from the word list.</summary>
    internal static async Task ApplyTermDeltaAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string documentId, int sign, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(TermDeltaSql, connection, transaction);
        command.Parameters.AddWithValue("id", documentId);
        command.Parameters.AddWithValue("sign", (long)sign);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
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
