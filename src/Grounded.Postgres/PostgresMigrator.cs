using System.Globalization;
using Grounded.Rag.Embed;
using Grounded.Storage;
using Npgsql;

namespace Grounded.Postgres;

/// <summary>Brings a PostgreSQL database to the store schema this build needs, one versioned migration at a time.</summary>
public static class PostgresMigrator
{
    /// <summary>Gets the schema version this build reads and writes.</summary>
    public static int LatestVersion => PostgresSchema.Latest;

    /// <summary>
    /// Applies every pending migration to the database at <paramref name="url"/> (creating the schema in an empty database,
    /// for vectors of <paramref name="model"/>); returns the versions before and after. Several processes may call it at once.
    /// </summary>
    public static async Task<(int From, int To)> MigrateAsync(string url, EmbeddingModelProfile model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        var location = PostgresUrl.Redact(url);
        try
        {
            await using var source = NpgsqlDataSource.Create(PostgresUrl.ToConnectionString(url));
            return await MigrateAsync(source, location, model, cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException error)
        {
            throw new StoreException($"cannot migrate store '{location}': {error.Message}", error);
        }
    }

    internal static async Task<(int From, int To)> MigrateAsync(NpgsqlDataSource source, string location, EmbeddingModelProfile model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        await using var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({PostgresSchema.LockKey})", connection, transaction))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var from = await GetVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (from > PostgresSchema.Latest)
        {
            throw Newer(location, from);
        }

        var dims = await ReadMetaAsync(connection, transaction, "embedding_dimensions", cancellationToken).ConfigureAwait(false) is { } recorded
            ? int.Parse(recorded, CultureInfo.InvariantCulture) : model.Dimensions;
        for (var i = from; i < PostgresSchema.Latest; i++)
        {
            await using var migrate = new NpgsqlCommand(PostgresSchema.Migration(i, dims), connection, transaction);
            await migrate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var record = new NpgsqlCommand("""
            INSERT INTO grounded_meta(key, value) VALUES ('schema_version', @version) ON CONFLICT (key) DO UPDATE SET value = excluded.value;
            INSERT INTO grounded_meta(key, value) VALUES ('embedding_model', @model), ('embedding_dimensions', @dims) ON CONFLICT (key) DO NOTHING;
            """, connection, transaction))
        {
            record.Parameters.AddWithValue("version", PostgresSchema.Latest.ToString(CultureInfo.InvariantCulture));
            record.Parameters.AddWithValue("model", model.ModelId);
            record.Parameters.AddWithValue("dims", model.Dimensions.ToString(CultureInfo.InvariantCulture));
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (from, PostgresSchema.Latest);
    }

    /// <summary>Returns the schema version of the database: 0 when it holds no Grounded store.</summary>
    internal static async Task<int> GetVersionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        var version = await ReadMetaAsync(connection, transaction, "schema_version", cancellationToken).ConfigureAwait(false);
        return version is null ? 0 : int.Parse(version, CultureInfo.InvariantCulture);
    }

    /// <summary>Returns whether the database holds a Grounded store (of any version).</summary>
    internal static async Task<bool> IsStoreAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var exists = new NpgsqlCommand("SELECT to_regclass('grounded_meta') IS NOT NULL", connection);
        return await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true;
    }

    internal static async Task<string?> ReadMetaAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string key, CancellationToken cancellationToken)
    {
        await using var exists = new NpgsqlCommand("SELECT to_regclass('grounded_meta') IS NOT NULL", connection, transaction);
        if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
        {
            return null;
        }

        await using var read = new NpgsqlCommand("SELECT value FROM grounded_meta WHERE key = @key", connection, transaction);
        read.Parameters.AddWithValue("key", key);
        return await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    internal static StoreException Newer(string location, int version) =>
        new($"the store '{location}' was written by a newer Grounded (schema {version}; this one reads {PostgresSchema.Latest}); upgrade Grounded");

    internal static StoreException Behind(string location, int version) =>
        new($"the store '{location}' has schema version {version} but this Grounded needs {PostgresSchema.Latest}; migrate it first (grounded db migrate)");
}
