using Grounded.Postgres;
using Grounded.Rag.Index;

namespace Grounded.Hosting;

/// <summary>The stores a Grounded deployment can use: adding one is one <see cref="IStoreProvider"/> and one entry here.</summary>
public static class Stores
{
    /// <summary>Gets the registry of every shipped store: PostgreSQL with pgvector, and the embedded SQLite store (any directory).</summary>
    public static StoreRegistry All { get; } = new([new PostgresStoreProvider(), new SqliteStoreProvider()]);
}
