using System.Globalization;
using Grounded.Chunks;
using Grounded.Storage;

namespace Grounded.Rag.Index;

/// <summary>
/// Dense search restricted to the documents a filter (a tenant, the caller's groups, a collection, ...) matches, always
/// inside the store and always returning the true top-k of those documents. How depends on how many chunks match,
/// counted from the documents table first:
/// <list type="bullet">
/// <item>none: nothing; all of them: the unfiltered search, its hits checked against the filter (a tenant alone in its
/// store pays one small query);</item>
/// <item>a store small enough for the exact scan: the scan, skipping the chunks the filter refuses;</item>
/// <item>up to <see cref="Ann.AnnOptions.FilteredExactShare"/> of an indexed store (a small tenant among large ones): an exact
/// scan over just those chunks' vectors, held in memory per filter until the store changes — HNSW with a selective filter
/// loses recall, and a few thousand dot products cost less than its graph walk;</item>
/// <item>more: the HNSW index, over-fetching in inverse proportion to the share that matches and checking the candidates
/// in one query, doubling the fetch until k candidates pass (or falling back to the exact scan of the subset).</item>
/// </list>
/// </summary>
public sealed partial class SqliteChunkStore
{
    private readonly FilteredMatrixCache _filtered = new();
    private long _generation;

    /// <summary>Gets how the last filtered dense search ran: <c>none</c>, <c>unfiltered</c>, <c>exact</c>, <c>subset</c> or <c>hnsw-filtered</c>.</summary>
    public string LastFilteredStrategy { get; private set; } = "none";

    /// <inheritdoc />
    public Task<IReadOnlyList<ScoredChunk>> SearchAsync(ReadOnlyMemory<float> query, int topK, SearchFilter? filter, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(topK, 1);
        return filter is null || filter.IsEmpty
            ? SearchAsync(query, topK, cancellationToken)
            : ReadLockedAsync(() => SearchFilteredAsync(query, topK, filter, cancellationToken), cancellationToken);
    }

    private async Task<IReadOnlyList<ScoredChunk>> SearchFilteredAsync(ReadOnlyMemory<float> query, int topK, SearchFilter filter, CancellationToken cancellationToken)
    {
        var (matching, total) = await CountMatchingAsync(filter, cancellationToken).ConfigureAwait(false);
        if (matching == 0)
        {
            LastFilteredStrategy = "none";
            LastSearchUsedAnn = false;
            return [];
        }

        var ann = await EnsureAnnAsync(rebuild: false, save: false, cancellationToken).ConfigureAwait(false);
        List<(long RowId, float Score)>? hits = null;
        if (matching >= total)
        {
            // Every document passes (one tenant, no groups): search as if unfiltered, then check the hits, in case a
            // document the filter refuses was committed since the count; if one was, search as filtered below.
            var viaAnn = ann is null ? null : await AnnSearchAsync(query, topK, cancellationToken).ConfigureAwait(false);
            var all = viaAnn ?? (await CurrentMatrixAsync(cancellationToken).ConfigureAwait(false)).Search(query.Span, topK);
            if ((await AcceptedAsync([.. all.Select(h => h.RowId)], filter, cancellationToken).ConfigureAwait(false)).Count == all.Count)
            {
                LastFilteredStrategy = "unfiltered";
                LastSearchUsedAnn = viaAnn is not null;
                return await ReadHitsAsync(all, cancellationToken).ConfigureAwait(false);
            }
        }

        if (ann is null)
        {
            LastFilteredStrategy = "exact";
            LastSearchUsedAnn = false;
            var allowed = await AllowedChunksAsync(filter, cancellationToken).ConfigureAwait(false);
            hits = (await CurrentMatrixAsync(cancellationToken).ConfigureAwait(false)).Search(query.Span, topK, allowed.Contains);
        }
        else if (matching > total * Ann.FilteredExactShare || matching >= total)
        {
            // Enough of the index matches for the graph walk to find k of them among share⁻¹ × more candidates.
            var want = (int)Math.Min(Math.Ceiling(Math.Max(topK * Ann.OverFetch, 40) * (double)total / matching), ann.Count);
            while (true)
            {
                var found = await AnnSearchAsync(query, topK, want, filter, cancellationToken).ConfigureAwait(false);
                if (found is null || found.Count >= Math.Min(topK, matching) || want >= ann.Count)
                {
                    hits = found is { Count: > 0 } ? found : null;
                    break;
                }

                want = (int)Math.Min(want * 2L, ann.Count);
            }

            LastFilteredStrategy = "hnsw-filtered";
            LastSearchUsedAnn = hits is not null;
        }

        if (hits is null)
        {
            LastFilteredStrategy = "subset";
            LastSearchUsedAnn = false;
            var subset = await SubsetMatrixAsync(filter, cancellationToken).ConfigureAwait(false);
            hits = subset.Search(query.Span, topK);
        }

        return await ReadHitsAsync(hits, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Forgets everything held in memory about the store's vectors: a write of this handle committed.</summary>
    private void Changed()
    {
        _matrix = null;
        Interlocked.Increment(ref _generation);
        _filtered.Clear();
    }

    // The chunks of documents matching the filter and of all documents, counted from the documents table.
    private async Task<(long Matching, long Total)> CountMatchingAsync(SearchFilter filter, CancellationToken cancellationToken)
    {
        using var command = Command(string.Empty, CurrentTransaction);
        command.CommandText = $"""
            SELECT (SELECT COALESCE(SUM(d.chunk_count), 0) FROM documents d WHERE {FilterClause(filter, command)}),
                   (SELECT COALESCE(SUM(chunk_count), 0) FROM documents)
            """;
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private async Task<HashSet<long>> AllowedChunksAsync(SearchFilter filter, CancellationToken cancellationToken)
    {
        var allowed = new HashSet<long>();
        using var select = Command("SELECT c.seq FROM chunks c JOIN documents d ON d.id = c.document_id WHERE ", CurrentTransaction);
        select.CommandText += FilterClause(filter, select);
        using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            allowed.Add(reader.GetInt64(0));
        }

        return allowed;
    }

    // Of the candidate chunks, those of documents matching the filter, in the candidates' order; one query per 500. CROSS JOIN
    // makes SQLite look the few candidates up first: left to itself it may walk a large tenant's documents and their chunks.
    private async Task<List<long>> AcceptedAsync(List<long> candidates, SearchFilter filter, CancellationToken cancellationToken)
    {
        var accepted = new HashSet<long>();
        foreach (var batch in candidates.Chunk(500))
        {
            using var command = Command(string.Empty, CurrentTransaction);
            var ids = string.Join(", ", batch.Select(id => id.ToString(CultureInfo.InvariantCulture)));
            command.CommandText = $"SELECT c.seq FROM chunks c CROSS JOIN documents d ON d.id = c.document_id WHERE c.seq IN ({ids}) AND {FilterClause(filter, command)}";
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                accepted.Add(reader.GetInt64(0));
            }
        }

        return candidates.Where(accepted.Contains).ToList();
    }

    // The vectors of the chunks the filter matches, read once per filter and kept until the store changes.
    private async Task<VectorMatrix> SubsetMatrixAsync(SearchFilter filter, CancellationToken cancellationToken)
    {
        using var probe = Command("PRAGMA data_version", CurrentTransaction);
        var version = (Convert.ToInt64(await probe.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture), Interlocked.Read(ref _generation));
        var key = FilteredMatrixCache.Key(filter);
        if (_filtered.TryGet(key, version, out var cached))
        {
            return cached;
        }

        var matrix = await ReadMatrixAsync(filter, cancellationToken).ConfigureAwait(false);
        _filtered.Add(key, version, matrix);
        return matrix;
    }
}
