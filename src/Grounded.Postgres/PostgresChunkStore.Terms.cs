using Grounded.Rag.Retrieve;
using Grounded.Storage;

namespace Grounded.Postgres;

public sealed partial class PostgresChunkStore : ITermStatistics
{
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
