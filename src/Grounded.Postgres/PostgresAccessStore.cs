using System.Collections.Concurrent;
using Grounded.Access;
using Grounded.Storage;
using Npgsql;

namespace Grounded.Postgres;

/// <summary>
/// The shared store's API keys (only a hash of each secret) and audit log, in the <c>api_keys</c> and <c>audit_log</c> tables of
/// the store's database; the audit log refuses updates, deletes and truncation. Any number of processes may use one database.
/// </summary>
public sealed partial class PostgresAccessStore : IAccessStore
{
    private const string KeyColumns = "id, tenant, role, name, groups, rpm, tpm, created_at, expires_at, last_used_at, rotated_at, revoked_at";

    private readonly NpgsqlDataSource _source;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, long> _touchedMinute = new(StringComparer.Ordinal);

    private PostgresAccessStore(NpgsqlDataSource source, TimeProvider time)
    {
        _source = source;
        _time = time;
    }

    /// <summary>
    /// Opens the keys and audit log of the store at <paramref name="url"/> (<c>postgres://USER@HOST:PORT/DB</c>); no embedding model
    /// is needed. The store must exist at this Grounded's schema: an empty database, an older schema or a newer Grounded throws
    /// <see cref="StoreException"/> saying how to fix it.
    /// </summary>
    public static async Task<PostgresAccessStore> OpenAsync(string url, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        var location = PostgresUrl.Redact(url);
        var source = NpgsqlDataSource.Create(PostgresUrl.ToConnectionString(url));
        try
        {
            await using (var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
            {
                // The keys live in the store's schema, which only a store opened with its embedding model creates.
                if (!await PostgresMigrator.IsStoreAsync(connection, cancellationToken).ConfigureAwait(false))
                {
                    throw new StoreException(
                        $"the database '{location}' holds no Grounded store yet, so it has no keys or audit log; create the store first (grounded db migrate, or ingest into it)")
                    {
                        NotCreated = true,
                    };
                }

                var version = await PostgresMigrator.GetVersionAsync(connection, null, cancellationToken).ConfigureAwait(false);
                if (version != PostgresSchema.Latest)
                {
                    throw version < PostgresSchema.Latest ? PostgresMigrator.Behind(location, version) : PostgresMigrator.Newer(location, version);
                }
            }

            return new PostgresAccessStore(source, time ?? TimeProvider.System);
        }
        catch (Exception error)
        {
            await source.DisposeAsync().ConfigureAwait(false);
            if (error is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
            {
                throw new StoreException($"cannot open the keys of store '{location}': {error.Message.TrimEnd('.')}", error);
            }

            throw;
        }
    }

    /// <inheritdoc />
    public async Task<IssuedKey> CreateAsync(NewApiKey request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = request.Validate().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(request));
        }

        var now = Now();
        var key = new ApiKey(KeySecret.NewId(), request.Tenant, request.Role)
        {
            Name = request.Name,
            Groups = [.. request.Groups.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            RequestsPerMinute = request.RequestsPerMinute,
            TokensPerMinute = request.TokensPerMinute,
            CreatedAt = now,
            ExpiresAt = request.ExpiresIn is { } life ? Truncate(now + life) : null,
        };
        var secret = KeySecret.New(key.Id);
        await using var insert = _source.CreateCommand("""
            INSERT INTO api_keys(id, tenant, role, name, groups, rpm, tpm, hash, created_at, expires_at)
            VALUES (@id, @tenant, @role, @name, @groups, @rpm, @tpm, @hash, @created, @expires)
            """);
        insert.Parameters.AddWithValue("id", key.Id);
        insert.Parameters.AddWithValue("tenant", key.Tenant);
        insert.Parameters.AddWithValue("role", Roles.Name(key.Role));
        insert.Parameters.AddWithValue("name", key.Name);
        insert.Parameters.AddWithValue("groups", key.Groups.ToArray());
        insert.Parameters.AddWithValue("rpm", NpgsqlTypes.NpgsqlDbType.Bigint, (object?)key.RequestsPerMinute ?? DBNull.Value);
        insert.Parameters.AddWithValue("tpm", NpgsqlTypes.NpgsqlDbType.Bigint, (object?)key.TokensPerMinute ?? DBNull.Value);
        insert.Parameters.AddWithValue("hash", KeySecret.Hash(secret));
        insert.Parameters.AddWithValue("created", now);
        insert.Parameters.AddWithValue("expires", NpgsqlTypes.NpgsqlDbType.TimestampTz, (object?)key.ExpiresAt ?? DBNull.Value);
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return new IssuedKey(key, secret);
    }

    /// <inheritdoc />
    public async Task<ApiKey?> FindBySecretAsync(string secret, CancellationToken cancellationToken)
    {
        if (KeySecret.IdOf(secret) is not { } id)
        {
            return null;
        }

        var found = await QueryKeysAsync($"SELECT {KeyColumns}, hash FROM api_keys WHERE id = @id", id, cancellationToken).ConfigureAwait(false);
        return found is [var (key, hash)] && KeySecret.Matches(secret, hash) ? key : null;
    }

    /// <inheritdoc />
    public async Task<ApiKey?> GetAsync(string id, CancellationToken cancellationToken) =>
        (await QueryKeysAsync($"SELECT {KeyColumns} FROM api_keys WHERE id = @id", id, cancellationToken).ConfigureAwait(false)).Select(k => k.Key).FirstOrDefault();

    /// <inheritdoc />
    public async Task<IReadOnlyList<ApiKey>> ListAsync(string? tenant, CancellationToken cancellationToken) =>
        [.. (await QueryKeysAsync(
            $"SELECT {KeyColumns} FROM api_keys {(tenant is null ? string.Empty : "WHERE tenant = @id")} ORDER BY created_at DESC, id",
            tenant, cancellationToken).ConfigureAwait(false)).Select(k => k.Key)];

    /// <inheritdoc />
    public async Task<IssuedKey?> RotateAsync(string id, CancellationToken cancellationToken)
    {
        var secret = KeySecret.New(id);
        var rotated = await QueryKeysAsync($"""
            UPDATE api_keys SET hash = @hash, rotated_at = @now
            WHERE id = @id AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > @now)
            RETURNING {KeyColumns}
            """, id, cancellationToken, ("hash", KeySecret.Hash(secret)), ("now", Now())).ConfigureAwait(false);
        return rotated is [var (key, _)] ? new IssuedKey(key, secret) : null;
    }

    /// <inheritdoc />
    public async Task<ApiKey?> RevokeAsync(string id, CancellationToken cancellationToken)
    {
        var revoked = await QueryKeysAsync($"UPDATE api_keys SET revoked_at = @now WHERE id = @id AND revoked_at IS NULL RETURNING {KeyColumns}",
            id, cancellationToken, ("now", Now())).ConfigureAwait(false);
        return revoked is [var (key, _)] ? key : null;
    }

    /// <inheritdoc />
    public async Task TouchAsync(string id, CancellationToken cancellationToken)
    {
        var now = Now();
        var minute = now.ToUnixTimeSeconds() / 60;
        if (_touchedMinute.TryGetValue(id, out var last) && last == minute)
        {
            return;
        }

        _touchedMinute[id] = minute;
        await using var update = _source.CreateCommand("UPDATE api_keys SET last_used_at = @now WHERE id = @id");
        update.Parameters.AddWithValue("now", now);
        update.Parameters.AddWithValue("id", id);
        await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<bool> AnyAsync(CancellationToken cancellationToken)
    {
        await using var any = _source.CreateCommand("SELECT EXISTS (SELECT 1 FROM api_keys)");
        return await any.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true;
    }

    /// <inheritdoc />
    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var insert = _source.CreateCommand("""
            INSERT INTO audit_log(at, actor, tenant, action, target, detail, origin) VALUES (@at, @actor, @tenant, @action, @target, @detail, @origin)
            """);
        insert.Parameters.AddWithValue("at", Truncate(entry.At));
        insert.Parameters.AddWithValue("actor", entry.Actor);
        insert.Parameters.AddWithValue("tenant", entry.Tenant);
        insert.Parameters.AddWithValue("action", entry.Action);
        insert.Parameters.AddWithValue("target", entry.Target);
        insert.Parameters.AddWithValue("detail", entry.Detail);
        insert.Parameters.AddWithValue("origin", entry.Origin);
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(DateTimeOffset since, string? tenant, int limit, CancellationToken cancellationToken)
    {
        await using var select = _source.CreateCommand($"""
            SELECT at, actor, tenant, action, target, detail, origin FROM (
                SELECT * FROM audit_log WHERE at >= @since {(tenant is null ? string.Empty : "AND tenant = @tenant")} ORDER BY seq DESC LIMIT @limit) newest
            ORDER BY seq
            """);
        select.Parameters.AddWithValue("since", Truncate(since));
        if (tenant is not null)
        {
            select.Parameters.AddWithValue("tenant", tenant);
        }

        select.Parameters.AddWithValue("limit", Math.Max(1, limit));
        var entries = new List<AuditEntry>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new AuditEntry(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(6))
            {
                Detail = reader.GetString(5),
            });
        }

        return entries;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _source.DisposeAsync();

    // PostgreSQL keeps microseconds: a stamp is cut to them before it is stored, so what a call returns is what a read returns.
    private static DateTimeOffset Truncate(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero);

    private DateTimeOffset Now() => Truncate(_time.GetUtcNow());

    // Runs sql (a SELECT or an UPDATE ... RETURNING of KeyColumns, then optionally hash) with @id and the given parameters.
    private async Task<List<(ApiKey Key, byte[] Hash)>> QueryKeysAsync(string sql, string? id, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = _source.CreateCommand(sql);
        if (id is not null)
        {
            command.Parameters.AddWithValue("id", id);
        }

        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var keys = new List<(ApiKey, byte[])>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            keys.Add((new ApiKey(reader.GetString(0), reader.GetString(1), Roles.Parse(reader.GetString(2)) ?? Role.Reader)
            {
                Name = reader.GetString(3),
                Groups = reader.GetFieldValue<string[]>(4),
                RequestsPerMinute = reader.IsDBNull(5) ? null : reader.GetInt64(5),
                TokensPerMinute = reader.IsDBNull(6) ? null : reader.GetInt64(6),
                CreatedAt = reader.GetFieldValue<DateTimeOffset>(7),
                ExpiresAt = reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8),
                LastUsedAt = reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9),
                RotatedAt = reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10),
                RevokedAt = reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11),
            }, reader.FieldCount > 12 ? reader.GetFieldValue<byte[]>(12) : []));
        }

        return keys;
    }
}
