using Grounded.Rag.Embed;
using Grounded.Storage;
using Npgsql;

namespace Grounded.Postgres.Tests;

public sealed class PostgresMigratorTests : IAsyncLifetime
{
    private static readonly EmbeddingModelProfile Model = new("migration-test-model", 4, string.Empty, 512);
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
    public async Task MigratingAnEmptyDatabaseCreatesTheSchemaAndASecondRunDoesNothing()
    {
        _database = await TestDatabase.CreateAsync();

        Assert.Equal((0, PostgresMigrator.LatestVersion), await PostgresMigrator.MigrateAsync(_database.Url, Model));
        Assert.Equal((PostgresMigrator.LatestVersion, PostgresMigrator.LatestVersion), await PostgresMigrator.MigrateAsync(_database.Url, Model));
        await using var store = await PostgresChunkStore.OpenAsync(_database.Url, Model);
        Assert.Equal(new StoreStatistics(0, 0, Model.ModelId, 4), await store.GetStatisticsAsync(CancellationToken.None));
    }

    [SkippableFact]
    public async Task MigratingAVersion1StoreFillsTheWordListFromItsChunks()
    {
        _database = await TestDatabase.CreateAsync();
        await PostgresMigrator.MigrateAsync(_database.Url, Model);
        await using (var store = await PostgresChunkStore.OpenAsync(_database.Url, Model))
        {
            await using var writer = await store.BeginDocumentAsync(new Grounded.Documents.DocumentInfo("d", "d.txt", "v1", 0, default) { FullPath = "/d.txt" }, CancellationToken.None);
            await writer.AddAsync([new(new Grounded.Chunks.Chunk(0, "carrageenan spray", 0, 17, string.Empty, 2), new float[] { 1, 0, 0, 0 }), new(new Grounded.Chunks.Chunk(1, "carrageenan gel", 17, 32, string.Empty, 2), new float[] { 0, 1, 0, 0 })], CancellationToken.None);
            await writer.CommitAsync(CancellationToken.None);
        }

        // As a store written before the word list existed.
        await using (var connection = new NpgsqlConnection(PostgresUrl.ToConnectionString(_database.Url)))
        {
            await connection.OpenAsync();
            await using var downgrade = new NpgsqlCommand("DROP TABLE chunk_terms; UPDATE grounded_meta SET value = '1' WHERE key = 'schema_version'", connection);
            await downgrade.ExecuteNonQueryAsync();
        }

        Assert.Equal((1, PostgresMigrator.LatestVersion), await PostgresMigrator.MigrateAsync(_database.Url, Model));
        await using var migrated = await PostgresChunkStore.OpenAsync(_database.Url, Model);
        Assert.Equal([new VocabularyTerm("carrageenan", 2)], await migrated.TermsStartingWithAsync("carr", 1, 30, CancellationToken.None));
    }

    [SkippableFact]
    public async Task MigratingAVersion2StorePutsItsDocumentsInTheDefaultTenantAndAddsKeysAndTheAuditLog()
    {
        _database = await TestDatabase.CreateAsync();
        await using (var store = await PostgresChunkStore.OpenAsync(_database.Url, Model))
        {
            await using var writer = await store.BeginDocumentAsync(new Grounded.Documents.DocumentInfo("d", "d.txt", "v1", 0, default) { FullPath = "/d.txt" }, CancellationToken.None);
            await writer.AddAsync([new(new Grounded.Chunks.Chunk(0, "okapi habitat", 0, 13, string.Empty, 2), new float[] { 1, 0, 0, 0 })], CancellationToken.None);
            await writer.CommitAsync(CancellationToken.None);
        }

        // As a store written before tenants, keys and the audit log existed.
        await using (var connection = new NpgsqlConnection(PostgresUrl.ToConnectionString(_database.Url)))
        {
            await connection.OpenAsync();
            await using var downgrade = new NpgsqlCommand("""
                ALTER TABLE documents DROP COLUMN tenant, DROP COLUMN groups;
                DROP TABLE api_keys, audit_log; DROP FUNCTION grounded_audit_log_append_only();
                UPDATE grounded_meta SET value = '2' WHERE key = 'schema_version'
                """, connection);
            await downgrade.ExecuteNonQueryAsync();
        }

        Assert.Equal((2, PostgresMigrator.LatestVersion), await PostgresMigrator.MigrateAsync(_database.Url, Model));
        await using var migrated = await PostgresChunkStore.OpenAsync(_database.Url, Model);
        var document = await migrated.GetDocumentAsync("d", CancellationToken.None);
        Assert.Equal(("default", 0), (document!.Tenant, document.Groups.Count));
        Assert.Single(await migrated.SearchAsync(new float[] { 1, 0, 0, 0 }, 5, new SearchFilter { Tenant = "default", Groups = [] }, CancellationToken.None));
        await using var access = await PostgresAccessStore.OpenAsync(_database.Url);
        Assert.False(await access.AnyAsync(CancellationToken.None));
    }

    [SkippableFact]
    public async Task AStoreBehindTheSchemaIsRefusedAtStartUpUntilMigrated()
    {
        _database = await TestDatabase.CreateAsync();
        await (await PostgresChunkStore.OpenAsync(_database.Url, Model)).DisposeAsync();
        await SetVersionAsync(0);

        var error = await Assert.ThrowsAsync<StoreException>(() => PostgresChunkStore.OpenAsync(_database.Url, Model));
        Assert.Contains($"has schema version 0 but this Grounded needs {PostgresMigrator.LatestVersion}", error.Message, StringComparison.Ordinal);
        Assert.Contains("migrate it first (grounded db migrate)", error.Message, StringComparison.Ordinal);

        await PostgresMigrator.MigrateAsync(_database.Url, Model);
        await (await PostgresChunkStore.OpenAsync(_database.Url, Model)).DisposeAsync();
    }

    [SkippableFact]
    public async Task AStoreWrittenByANewerGroundedIsRefusedWithAnUpgradeHint()
    {
        _database = await TestDatabase.CreateAsync();
        await (await PostgresChunkStore.OpenAsync(_database.Url, Model)).DisposeAsync();
        await SetVersionAsync(99);

        var error = await Assert.ThrowsAsync<StoreException>(() => PostgresChunkStore.OpenAsync(_database.Url, Model));
        Assert.Contains("newer Grounded (schema 99", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<StoreException>(() => PostgresMigrator.MigrateAsync(_database.Url, Model));
    }

    [SkippableFact]
    public async Task APasswordInTheUrlNeverAppearsInMessages()
    {
        var error = await Assert.ThrowsAsync<StoreException>(() => PostgresChunkStore.OpenAsync("postgres://someone:s3cret@127.0.0.1:1/nothing", Model));
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
        Assert.Contains("postgres://someone:***@127.0.0.1:1/nothing", error.Message, StringComparison.Ordinal);
    }

    private async Task SetVersionAsync(int version)
    {
        await using var connection = new NpgsqlConnection(PostgresUrl.ToConnectionString(_database!.Url));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"UPDATE grounded_meta SET value = '{version}' WHERE key = 'schema_version'", connection);
        await command.ExecuteNonQueryAsync();
    }
}
