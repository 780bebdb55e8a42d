using System.Globalization;
using Grounded.Chunks;
using Grounded.Storage;
using Npgsql;

namespace Grounded.Postgres;

public sealed partial class PostgresChunkStore
{
    /// <summary>Gets how the last dense search ran: <c>index</c> (no filter), <c>index-checked</c> (most documents visible: the nearest vectors, their chunks filtered), <c>filtered</c> (the filter inside the scan) or <c>exact</c> (the fallback).</summary>
    internal string LastDenseScan { get; private set; } = "none";

    /// <summary>
    /// Returns the chunks whose best window is nearest the query by cosine, best first. Enough windows are fetched that a chunk's
    /// best window is among them. With a filter (a tenant, the caller's groups, ...) the filter runs inside the search: the planner
    /// scans just the matching chunks' vectors when its statistics say they are few, and otherwise walks the HNSW index with
    /// pgvector's iterative scan, which goes on past filtered-out rows — but only for <c>hnsw.max_scan_tuples</c> rows. When it
    /// comes back with fewer than <paramref name="topK"/> chunks (a small tenant among large ones, statistics out of date), the
    /// matching chunks are a small share of the store, and an exact scan of just their vectors returns their true top-k.
    /// </summary>
    public async Task<IReadOnlyList<ScoredChunk>> SearchAsync(ReadOnlyMemory<float> query, int topK, SearchFilter? filter, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(topK, 1);
        if (query.Length != Model.Dimensions)
        {
            throw new ArgumentException($"The query has {query.Length} dimensions; the store holds {Model.Dimensions}.", nameof(query));
        }

        filter = filter is null || filter.IsEmpty ? null : filter;
        if (filter is not null && await MostlyVisibleAsync(filter, cancellationToken).ConfigureAwait(false))
        {
            // Most documents pass (one tenant, no groups): the index's nearest windows, the filter applied to their chunks,
            // rather than a filter that first lists every visible chunk. Short of k, the filtered search below.
            var nearest = await DenseAsync(query, topK, filter, exact: false, cancellationToken, inside: false).ConfigureAwait(false);
            if (nearest.Count >= topK)
            {
                LastDenseScan = "index-checked";
                return nearest;
            }
        }

        var results = await DenseAsync(query, topK, filter, exact: false, cancellationToken).ConfigureAwait(false);
        LastDenseScan = filter is null ? "index" : "filtered";
        if (filter is not null && results.Count < topK)
        {
            LastDenseScan = "exact";
            results = await DenseAsync(query, topK, filter, exact: true, cancellationToken).ConfigureAwait(false);
        }

        return results;
    }

    // Whether at least half the store's chunks pass the filter, counted from the documents table.
    private async Task<bool> MostlyVisibleAsync(SearchFilter filter, CancellationToken cancellationToken)
    {
        await using var command = _source.CreateCommand();
        command.CommandText = $"""
            SELECT (SELECT COALESCE(SUM(d.chunk_count), 0) FROM documents d WHERE {FilterClause(filter, command)}) * 2
                >= (SELECT COALESCE(SUM(chunk_count), 0) FROM documents)
            """;
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true;
    }

    // inside: the filter restricts the vectors searched (the iterative scan); otherwise only the chunks the nearest vectors belong to.
    private async Task<IReadOnlyList<ScoredChunk>> DenseAsync(ReadOnlyMemory<float> query, int topK, SearchFilter? filter, bool exact, CancellationToken cancellationToken, bool inside = true)
    {
        var windows = Math.Max(topK * 10, 100);
        await using var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(string.Empty, connection, transaction);
        var where = filter is null || !inside ? string.Empty
            : $"WHERE v.content_hash IN (SELECT c.content_hash FROM chunks c JOIN documents d ON d.id = c.document_id WHERE {FilterClause(filter, command)})";

        // A text shared by documents of several tenants has one set of vectors: the chunks are filtered again after the join.
        var outerWhere = filter is null ? string.Empty : $"WHERE {FilterClause(filter, command)}";

        // Without ORDER BY ... LIMIT on the distance no index can serve the scan: every matching vector is compared.
        var nearest = exact ? string.Empty : "ORDER BY v.embedding <=> @query LIMIT @windows";
        command.CommandText = $"""
            SELECT set_config('hnsw.ef_search', @ef, true), set_config('hnsw.iterative_scan', 'relaxed_order', true);
            WITH nn AS (SELECT v.content_hash, v.embedding <=> @query AS distance FROM chunk_vectors v {where} {nearest}),
            best AS (SELECT content_hash, min(distance) AS distance FROM nn GROUP BY content_hash)
            SELECT {ChunkColumns}, 1 - best.distance
            FROM best JOIN chunks c ON c.content_hash = best.content_hash JOIN documents d ON d.id = c.document_id {outerWhere}
            ORDER BY best.distance, c.seq LIMIT @k
            """;
        command.Parameters.AddWithValue("ef", Math.Min(windows, 1000).ToString(CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("query", new Pgvector.Vector(query));
        if (!exact)
        {
            command.Parameters.AddWithValue("windows", windows);
        }

        command.Parameters.AddWithValue("k", topK);
        var results = await ReadScoredAsync(command, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return results;
    }
}
