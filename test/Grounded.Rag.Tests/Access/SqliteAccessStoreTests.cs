using Grounded.Access;
using Grounded.Conformance;
using Grounded.Rag.Access;
using Microsoft.Data.Sqlite;

namespace Grounded.Rag.Tests.Access;

/// <summary>The embedded store's keys and audit log (<c>access.db</c>) pass the access store conformance suite.</summary>
public sealed class SqliteAccessStoreTests : AccessStoreConformance, IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    protected override async Task<IAccessStore> OpenAsync(TimeProvider time) => await SqliteAccessStore.OpenAsync(_dir.Combine("store"), time);

    protected override async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _dir.Combine("store", "access.db"), Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
