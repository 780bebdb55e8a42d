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
    public Task<IReadOnlyList<ScoredChunk>> SearchAsync(ReadOnlyMemory<float> query, int topK, SearchFilter? filter, CancellationToken cancellationToken) =>
        filter is null || filter.IsEmpty
            ? SearchAsync(query, topK, cancellationToken)
            : ReadLockedAsync(() => SearchFilteredAsync(query, topK, filter, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<ScoredChunk>> KeywordSearchAsync(string query, int topK, SearchFilter? filter, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(topK, 1);
        return Retrieve.KeywordQuery.Build(query) is { } match
            ? await ReadLockedAsync(() => SearchWordsAsync(match, topK, filter is null || filter.IsEmpty ? null : filter, cancellationToken), cancellationToken).ConfigureAwait(false)
            : [];
    }

    private async Task<IReadOnlyList<ScoredChunk>> SearchFilteredAsync(ReadOnlyMemory<float> query, int topK, SearchFilter filter, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(topK, 1);
        var allowed = new HashSet<long>();
        using (var select = Command("SELECT c.seq FROM chunks c JOIN documents d ON d.id = c.document_id WHERE ", CurrentTransaction))
        {
            select.CommandText += FilterClause(filter, select);
            using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                allowed.Add(reader.GetInt64(0));
            }
        }

        var matrix = await CurrentMatrixAsync(cancellationToken).ConfigureAwait(false);
        return await ReadHitsAsync(matrix.Search(query.Span, topK, allowed.Contains), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes a document's tags (inside its writer's transaction), replacing the old ones.</summary>
    internal async Task ReplaceTagsAsync(DocumentInfo document, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        using var clear = Command("DELETE FROM document_tags WHERE document_id = $id", transaction);
        clear.Parameters.AddWithValue("$id", document.Id);
        await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        using var insert = Command("INSERT OR IGNORE INTO document_tags(document_id, tag) VALUES ($id, $tag)", transaction);
        insert.Parameters.AddWithValue("$id", document.Id);
        var tag = insert.Parameters.Add("$tag", SqliteType.Text);
        foreach (var value in document.Tags)
        {
            tag.Value = value;
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Adds the collection column to a store created before filters existed.</summary>
    private static async Task AddFilterColumnsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var probe = connection.CreateCommand();
        probe.CommandText = "SELECT COUNT(*) FROM pragma_table_info('documents') WHERE name = 'collection'";
        if (Convert.ToInt64(await probe.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 0)
        {
            await ExecuteAsync(connection, SqliteSchema.AddCollection, cancellationToken).ConfigureAwait(false);
        }
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

        for (var i = 0; i < filter.Tags.Count; i++)
        {
            clause.Append(CultureInfo.InvariantCulture, $" AND EXISTS (SELECT 1 FROM document_tags t WHERE t.document_id = d.id AND t.tag = $tag{i})");
            command.Parameters.AddWithValue($"$tag{i}", filter.Tags[i]);
        }

        return clause.ToString();
    }
}
