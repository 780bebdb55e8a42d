using Grounded.Postgres;
using Npgsql;

namespace Grounded.Testing;

/// <summary>A fresh database on the test server (<c>GROUNDED_TEST_POSTGRES</c>), dropped on dispose; skips (fails under CI) without a server.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _server;

    private TestDatabase(string server, string name, string url)
    {
        _server = server;
        Name = name;
        Url = url;
    }

    public string Name { get; }

    /// <summary>Gets the database's <c>postgres://</c> URL.</summary>
    public string Url { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var server = TestServices.Postgres;
        var name = "grounded_test_" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            await using var connection = new NpgsqlConnection(PostgresUrl.ToConnectionString(server));
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException error)
        {
            TestServices.Unavailable("PostgreSQL", error.Message);
        }

        var uri = new UriBuilder(server) { Path = "/" + name };
        return new TestDatabase(server, name, uri.Uri.ToString().Replace("postgresql://", "postgres://", StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(PostgresUrl.ToConnectionString(_server));
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
