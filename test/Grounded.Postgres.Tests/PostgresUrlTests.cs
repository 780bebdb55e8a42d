using Grounded.Storage;
using Npgsql;

namespace Grounded.Postgres.Tests;

public sealed class PostgresUrlTests
{
    [Fact]
    public void ReadsUserPasswordHostPortDatabaseAndParameters()
    {
        var built = new NpgsqlConnectionStringBuilder(PostgresUrl.ToConnectionString("postgres://ann:p%40ss@db.internal:6543/rag?sslmode=require"));

        Assert.Equal(("ann", "p@ss", "db.internal", 6543, "rag", SslMode.Require), (built.Username, built.Password, built.Host, built.Port, built.Database, built.SslMode));
    }

    [Fact]
    public void TellsUrlsFromDirectoriesAndRefusesAUrlWithoutAHost()
    {
        Assert.True(PostgresUrl.IsPostgres("postgresql://u@h/db"));
        Assert.False(PostgresUrl.IsPostgres("./postgres-index"));
        Assert.Throws<StoreException>(() => PostgresUrl.ToConnectionString("postgres:///db"));
        Assert.Throws<StoreException>(() => PostgresUrl.ToConnectionString("postgres://u@h/db?no_such_setting=1"));
    }
}
