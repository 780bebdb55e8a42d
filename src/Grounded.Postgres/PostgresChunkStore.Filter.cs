using System.Text;
using Grounded.Storage;
using Npgsql;

namespace Grounded.Postgres;

public sealed partial class PostgresChunkStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<Documents.DocumentInfo>> ListDocumentsAsync(SearchFilter? filter, CancellationToken cancellationToken) =>
        filter is null || filter.IsEmpty
            ? ListDocumentsAsync(cancellationToken)
            : QueryDocumentsAsync(command => $"WHERE {FilterClause(filter, command)} ORDER BY d.source COLLATE \"C\"", cancellationToken);

    /// <summary>
    /// Returns the SQL condition on documents <c>d</c> for <paramref name="filter"/>, adding its parameters to <paramref name="command"/>
    /// once (a query may use the condition twice).
    /// </summary>
    private static string FilterClause(SearchFilter filter, NpgsqlCommand command)
    {
        var clause = new StringBuilder("TRUE");
        if (filter.Collection is not null)
        {
            clause.Append(" AND d.collection = @collection");
            Add(command, "collection", filter.Collection);
        }

        if (!string.IsNullOrEmpty(filter.SourcePrefix))
        {
            clause.Append(" AND starts_with(d.source, @prefix)");
            Add(command, "prefix", filter.SourcePrefix);
        }

        if (filter.Tags.Count > 0)
        {
            clause.Append(" AND d.tags @> @tags");
            Add(command, "tags", filter.Tags.ToArray());
        }

        if (filter.Tenant is not null)
        {
            clause.Append(" AND d.tenant = @tenant");
            Add(command, "tenant", filter.Tenant);
        }

        if (filter.Groups is { Count: 0 })
        {
            clause.Append(" AND cardinality(d.groups) = 0");
        }
        else if (filter.Groups is { } groups)
        {
            // Visible: the document has no groups, or shares one with the caller.
            clause.Append(" AND (cardinality(d.groups) = 0 OR d.groups && @groups)");
            Add(command, "groups", groups.ToArray());
        }

        return clause.ToString();
    }

    private static void Add(NpgsqlCommand command, string name, object value)
    {
        if (!command.Parameters.Contains(name))
        {
            command.Parameters.AddWithValue(name, value);
        }
    }
}
