using Grounded.Access;
using Grounded.Conformance;
using Grounded.Rag.Embed;
using Grounded.Storage;
using Npgsql;

namespace Grounded.Postgres.Tests;

/// <summary>The PostgreSQL store's keys and audit log pass the access store conformance suite, each test in a database of its own.</summary>
public sealed class PostgresAccessStoreTests : AccessStoreConformance, IAsyncLifetime
{
    private static readonly EmbeddingModelProfile Model = new("access-test-model", 4, string.Empty, 512);
    private TestDatabase? _database;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task TruncatingTheAuditLogOrUpdatingNoRowIsRefusedToo()
    {
        await using var store = await OpenAsync(Time);
        await store.AppendAsync(new AuditEntry(Time.GetUtcNow(), "key1", "acme", "key.created", "k1", "10.0.0.1"), CancellationToken.None);

        var truncate = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync("TRUNCATE audit_log"));
        Assert.Contains("append-only", truncate.MessageText, StringComparison.Ordinal);
        await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync("UPDATE audit_log SET actor = 'x' WHERE false"));
        Assert.Single(await store.ReadAsync(DateTimeOffset.MinValue, null, 10, CancellationToken.None));
    }

    [SkippableFact]
    public async Task OpeningTheKeysOfADatabaseWithoutAStoreSaysToCreateTheStoreFirstAndCreatesNothing()
    {
        _database = await TestDatabase.CreateAsync();

        var error = await Assert.ThrowsAsync<StoreException>(() => PostgresAccessStore.OpenAsync(_database.Url));

        Assert.Contains("holds no Grounded store yet", error.Message, StringComparison.Ordinal);
        Assert.Contains("grounded db migrate", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
    }

    [SkippableFact]
    public async Task OpeningTheKeysOfAStoreBehindTheSchemaSaysToMigrateIt()
    {
        await (await OpenAsync(Time)).DisposeAsync();
        await ExecuteAsync("UPDATE grounded_meta SET value = '2' WHERE key = 'schema_version'");

        var error = await Assert.ThrowsAsync<StoreException>(() => PostgresAccessStore.OpenAsync(_database!.Url));

        Assert.Contains($"has schema version 2 but this Grounded needs {PostgresMigrator.LatestVersion}", error.Message, StringComparison.Ordinal);
        Assert.Contains("grounded db migrate", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task TheProviderOpensTheKeysOfAPostgresLocationWithoutAModel()
    {
        await (await OpenAsync(Time)).DisposeAsync();

        await using var store = await new PostgresStoreProvider().OpenAccessAsync(_database!.Url, Time, CancellationToken.None);

        Assert.IsType<PostgresAccessStore>(store);
        Assert.False(await store.AnyAsync(CancellationToken.None));
    }

    protected override async Task<IAccessStore> OpenAsync(TimeProvider time)
    {
        if (_database is null)
        {
            _database = await TestDatabase.CreateAsync();
            await PostgresMigrator.MigrateAsync(_database.Url, Model);
        }

        return await PostgresAccessStore.OpenAsync(_database.Url, time);
    }

    protected override async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresUrl.ToConnectionString(_database!.Url));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresUrl.ToConnectionString(_database!.Url));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
