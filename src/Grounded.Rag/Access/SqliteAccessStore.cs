using System.Collections.Concurrent;
using System.Globalization;
using Grounded.Access;
using Grounded.Storage;
using Microsoft.Data.Sqlite;

namespace Grounded.Rag.Access;

/// <summary>The embedded store's API keys (hashed) and audit log, in <c>access.db</c> in the store's directory.</summary>
public sealed partial class SqliteAccessStore : IAccessStore
{
    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, long> _touchedMinute = new(StringComparer.Ordinal);

    private SqliteAccessStore(string connectionString, TimeProvider time)
    {
        _connectionString = connectionString;
        _time = time;
    }

    /// <summary>Opens (creating when missing) the keys and audit log of the store in <paramref name="directory"/>.</summary>
    public static async Task<SqliteAccessStore> OpenAsync(string directory, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(directory);
        try
        {
            Directory.CreateDirectory(full);
            var builder = new SqliteConnectionStringBuilder { DataSource = Path.Combine(full, SqliteAccessSchema.FileName), Pooling = true, DefaultTimeout = 10 };
            var store = new SqliteAccessStore(builder.ToString(), time ?? TimeProvider.System);
            await using var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await Execute(connection, "PRAGMA journal_mode=WAL;" + SqliteAccessSchema.Create, cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch (Exception error) when (error is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new StoreException($"cannot open the keys of store '{directory}': {error.Message}", error);
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

        var now = _time.GetUtcNow();
        var key = new ApiKey(KeySecret.NewId(), request.Tenant, request.Role)
        {
            Name = request.Name,
            Groups = [.. request.Groups.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            RequestsPerMinute = request.RequestsPerMinute,
            TokensPerMinute = request.TokensPerMinute,
            CreatedAt = now,
            ExpiresAt = request.ExpiresIn is { } life ? now + life : null,
        };
        var secret = KeySecret.New(key.Id);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = Command(connection, """
            INSERT INTO api_keys(id, tenant, role, name, groups, rpm, tpm, hash, created_at, expires_at)
            VALUES ($id, $tenant, $role, $name, $groups, $rpm, $tpm, $hash, $created, $expires)
            """);
        insert.Parameters.AddWithValue("$id", key.Id);
        insert.Parameters.AddWithValue("$tenant", key.Tenant);
        insert.Parameters.AddWithValue("$role", Roles.Name(key.Role));
        insert.Parameters.AddWithValue("$name", key.Name);
        insert.Parameters.AddWithValue("$groups", string.Join(',', key.Groups));
        insert.Parameters.AddWithValue("$rpm", (object?)key.RequestsPerMinute ?? DBNull.Value);
        insert.Parameters.AddWithValue("$tpm", (object?)key.TokensPerMinute ?? DBNull.Value);
        insert.Parameters.AddWithValue("$hash", KeySecret.Hash(secret));
        insert.Parameters.AddWithValue("$created", Stamp(now));
        insert.Parameters.AddWithValue("$expires", key.ExpiresAt is { } at ? Stamp(at) : DBNull.Value);
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

        var found = await QueryAsync("WHERE id = $id", id, withHash: true, cancellationToken).ConfigureAwait(false);
        return found is [var (key, hash)] && KeySecret.Matches(secret, hash) ? key : null;
    }

    /// <inheritdoc />
    public async Task<ApiKey?> GetAsync(string id, CancellationToken cancellationToken) =>
        (await QueryAsync("WHERE id = $id", id, withHash: false, cancellationToken).ConfigureAwait(false)).Select(k => k.Key).FirstOrDefault();

    /// <inheritdoc />
    public async Task<IReadOnlyList<ApiKey>> ListAsync(string? tenant, CancellationToken cancellationToken) =>
        [.. (await QueryAsync(tenant is null ? "ORDER BY created_at DESC, id" : "WHERE tenant = $id ORDER BY created_at DESC, id", tenant, withHash: false, cancellationToken)
            .ConfigureAwait(false)).Select(k => k.Key)];

    /// <inheritdoc />
    public async Task<IssuedKey?> RotateAsync(string id, CancellationToken cancellationToken)
    {
        var secret = KeySecret.New(id);
        var now = _time.GetUtcNow();
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var update = Command(connection, "UPDATE api_keys SET hash = $hash, rotated_at = $now WHERE id = $id AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $now)");
        update.Parameters.AddWithValue("$hash", KeySecret.Hash(secret));
        update.Parameters.AddWithValue("$now", Stamp(now));
        update.Parameters.AddWithValue("$id", id);
        return await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0 || await GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } key
            ? null : new IssuedKey(key, secret);
    }

    /// <inheritdoc />
    public async Task<ApiKey?> RevokeAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var update = Command(connection, "UPDATE api_keys SET revoked_at = $now WHERE id = $id AND revoked_at IS NULL");
        update.Parameters.AddWithValue("$now", Stamp(_time.GetUtcNow()));
        update.Parameters.AddWithValue("$id", id);
        return await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0 ? null : await GetAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task TouchAsync(string id, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var minute = now.ToUnixTimeSeconds() / 60;
        if (_touchedMinute.TryGetValue(id, out var last) && last == minute)
        {
            return;
        }

        _touchedMinute[id] = minute;
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var update = Command(connection, "UPDATE api_keys SET last_used_at = $now WHERE id = $id");
        update.Parameters.AddWithValue("$now", Stamp(now));
        update.Parameters.AddWithValue("$id", id);
        await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<bool> AnyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var any = Command(connection, "SELECT EXISTS (SELECT 1 FROM api_keys)");
        return Convert.ToInt64(await any.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 1;
    }

    /// <inheritdoc />
    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = Command(connection, """
            INSERT INTO audit_log(at, actor, tenant, action, target, detail, origin) VALUES ($at, $actor, $tenant, $action, $target, $detail, $origin)
            """);
        insert.Parameters.AddWithValue("$at", Stamp(entry.At));
        insert.Parameters.AddWithValue("$actor", entry.Actor);
        insert.Parameters.AddWithValue("$tenant", entry.Tenant);
        insert.Parameters.AddWithValue("$action", entry.Action);
        insert.Parameters.AddWithValue("$target", entry.Target);
        insert.Parameters.AddWithValue("$detail", entry.Detail);
        insert.Parameters.AddWithValue("$origin", entry.Origin);
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(DateTimeOffset since, string? tenant, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var select = Command(connection, $"""
            SELECT at, actor, tenant, action, target, detail, origin FROM (
                SELECT * FROM audit_log WHERE at >= $since {(tenant is null ? "" : "AND tenant = $tenant")} ORDER BY seq DESC LIMIT $limit)
            ORDER BY seq
            """);
        select.Parameters.AddWithValue("$since", Stamp(since));
        select.Parameters.AddWithValue("$tenant", (object?)tenant ?? DBNull.Value);
        select.Parameters.AddWithValue("$limit", Math.Max(1, limit));
        var entries = new List<AuditEntry>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new AuditEntry(Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(6))
            {
                Detail = reader.GetString(5),
            });
        }

        return entries;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection); // this file's pooled connections only, not every SQLite pool in the process
        return ValueTask.CompletedTask;
    }

    private async Task<List<(ApiKey Key, byte[] Hash)>> QueryAsync(string clause, string? id, bool withHash, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var select = Command(connection,
            $"SELECT id, tenant, role, name, groups, rpm, tpm, created_at, expires_at, last_used_at, rotated_at, revoked_at, {(withHash ? "hash" : "x''")} FROM api_keys {clause}");
        select.Parameters.AddWithValue("$id", (object?)id ?? DBNull.Value);
        var keys = new List<(ApiKey, byte[])>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            keys.Add((new ApiKey(reader.GetString(0), reader.GetString(1), Roles.Parse(reader.GetString(2)) ?? Role.Reader)
            {
                Name = reader.GetString(3),
                Groups = reader.GetString(4).Split(',', StringSplitOptions.RemoveEmptyEntries),
                RequestsPerMinute = reader.IsDBNull(5) ? null : reader.GetInt64(5),
                TokensPerMinute = reader.IsDBNull(6) ? null : reader.GetInt64(6),
                CreatedAt = Parse(reader.GetString(7)),
                ExpiresAt = ParseOrNull(reader, 8),
                LastUsedAt = ParseOrNull(reader, 9),
                RotatedAt = ParseOrNull(reader, 10),
                RevokedAt = ParseOrNull(reader, 11),
            }, (byte[])reader.GetValue(12)));
        }

        return keys;
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private static async Task Execute(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, sql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // Fixed-width UTC stamps compare as text in time order.
    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string stamp) => DateTimeOffset.Parse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static DateTimeOffset? ParseOrNull(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Parse(reader.GetString(ordinal));
}
