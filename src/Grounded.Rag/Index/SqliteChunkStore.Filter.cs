using System.Globalization;
using System.Text;
using Grounded.Chunks;
using Grounded.Documents;
using Grounded.Storage;
using Microsoft.Data.Sqlite;

namespace Grounded.Rag.Index;

public sealed partial class SqliteChunkStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<ScoredChunk>> KeywordSearchAsync(string query, int topK, SearchFilter? filter, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(topK, 1);
        return Retrieve.KeywordQuery.Build(query) is { } match
            ? await ReadLockedAsync(() => filter is null || filter.IsEmpty
                ? SearchWordsAsync(match, topK, null, cancellationToken)
                : SearchWordsScopedAsync(match, topK, filter, cancellationToken), cancellationToken).ConfigureAwait(false)
            : [];
    }

    // With a filter every document passes (one tenant, no groups), restricting the full-text match to a list of every chunk
    // would cost a pass over all of them: the words are matched unfiltered and the hits checked instead (and, should a
    // document the filter refuses have been committed since the count, matched again with the filter).
    private async Task<IReadOnlyList<ScoredChunk>> SearchWordsScopedAsync(string match, int topK, SearchFilter filter, CancellationToken cancellationToken)
    {
        var (matching, total) = await CountMatchingAsync(filter, cancellationToken).ConfigureAwait(false);
        if (matching < total)
        {
            return matching == 0 ? [] : await SearchWordsAsync(match, topK, filter, cancellationToken).ConfigureAwait(false);
        }

        var hits = await SearchWordsAsync(match, topK, null, cancellationToken).ConfigureAwait(false);
        using var check = Command(string.Empty, CurrentTransaction);
        var ids = string.Join(", ", hits.Select((_, i) => $"$id{i}"));
        for (var i = 0; i < hits.Count; i++)
        {
            check.Parameters.AddWithValue($"$id{i}", hits[i].Chunk.Id);
        }

        check.CommandText = $"SELECT COUNT(*) FROM chunks c CROSS JOIN documents d ON d.id = c.document_id WHERE c.id IN ({(ids.Length == 0 ? "NULL" : ids)}) AND {FilterClause(filter, check)}";
        return Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == hits.Count
            ? hits : await SearchWordsAsync(match, topK, filter, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes a document's tags and groups (inside its writer's transaction), replacing the old ones.</summary>
    internal async Task ReplaceTagsAndGroupsAsync(DocumentInfo document, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await ReplaceSetAsync("document_tags", "tag", document.Id, document.Tags, transaction, cancellationToken).ConfigureAwait(false);
        await ReplaceSetAsync("document_groups", "grp", document.Id, document.Groups, transaction, cancellationToken).ConfigureAwait(false);
    }

    // table and column are this class's constants, never input.
    private async Task ReplaceSetAsync(string table, string column, string documentId, IReadOnlyList<string> values, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        using var clear = Command($"DELETE FROM {table} WHERE document_id = $id", transaction);
        clear.Parameters.AddWithValue("$id", documentId);
        await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        using var insert = Command($"INSERT OR IGNORE INTO {table}(document_id, {column}) VALUES ($id, $value)", transaction);
        insert.Parameters.AddWithValue("$id", documentId);
        var parameter = insert.Parameters.Add("$value", SqliteType.Text);
        foreach (var value in values)
        {
            parameter.Value = value;
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Adds the collection and tenant columns to a store created before filters or tenants existed.</summary>
    private static async Task AddFilterColumnsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        foreach (var (column, sql) in new[] { ("collection", SqliteSchema.AddCollection), ("tenant", SqliteSchema.AddTenant) })
        {
            using var probe = connection.CreateCommand();
            probe.CommandText = $"SELECT COUNT(*) FROM pragma_table_info('documents') WHERE name = '{column}'";
            if (Convert.ToInt64(await probe.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 0)
            {
                await ExecuteAsync(connection, sql, cancellationToken).ConfigureAwait(false);
            }
        }

        await ExecuteAsync(connection, SqliteSchema.TenantIndexes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Returns the SQL condition on documents <c>d</c> for <paramref name="filter"/>, adding its parameters to <paramref name="command"/>.</summary>
    private static string FilterClause(SearchFilter filter, SqliteCommand command)
    {
        var clause = new StringBuilder("1 = 1");
        if (filter.Collection is not null)
        {
            clause.Append(" AND d.collection = $collection");
            command.Parameters.AddWithValue("$collection", filter.Collection);
        }

        if (!string.IsNullOrEmpty(filter.SourcePrefix))
        {
            clause.Append(" AND substr(d.source, 1, length($prefix)) = $prefix");
            command.Parameters.AddWithValue("$prefix", filter.SourcePrefix);
        }

        if (filter.Tenant is not null)
        {
            clause.Append(" AND d.tenant = $tenant");
            command.Parameters.AddWithValue("$tenant", filter.Tenant);
        }

        if (filter.Groups is { } groups)
        {
            // Visible: the document has no groups, or one of the caller's.
            clause.Append(" AND (NOT EXISTS (SELECT 1 FROM document_groups g WHERE g.document_id = d.id)");
            if (groups.Count > 0)
            {
                var names = string.Join(", ", groups.Select((_, i) => $"$grp{i}"));
                clause.Append(CultureInfo.InvariantCulture, $" OR EXISTS (SELECT 1 FROM document_groups g WHERE g.document_id = d.id AND g.grp IN ({names}))");
                for (var i = 0; i < groups.Count; i++)
                {
                    command.Parameters.AddWithValue($"$grp{i}", groups[i]);
                }
            }

            clause.Append(')');
        }

        for (var i = 0; i < filter.Tags.Count; i++)
        {
            clause.Append(CultureInfo.InvariantCulture, $" AND EXISTS (SELECT 1 FROM document_tags t WHERE t.document_id = d.id AND t.tag = $tag{i})");
            command.Parameters.AddWithValue($"$tag{i}", filter.Tags[i]);
        }

        return clause.ToString();
    }
}
