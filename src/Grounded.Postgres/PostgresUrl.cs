using Grounded.Storage;
using Npgsql;

namespace Grounded.Postgres;

/// <summary>Reads <c>postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?key=value...]</c> store locations.</summary>
public static class PostgresUrl
{
    /// <summary>Returns whether <paramref name="location"/> names a PostgreSQL store rather than a directory.</summary>
    public static bool IsPostgres(string? location) =>
        location is not null && (location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase));

    /// <summary>Returns the Npgsql connection string for a store URL; throws <see cref="StoreException"/> when the URL is malformed.</summary>
    public static string ToConnectionString(string url)
    {
        if (!IsPostgres(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new StoreException($"'{Redact(url)}' is not a PostgreSQL URL; expected postgres://USER@HOST:PORT/DATABASE");
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        var user = uri.UserInfo.Split(':', 2);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = database.Length == 0 ? null : database,
            Username = user[0].Length == 0 ? null : Uri.UnescapeDataString(user[0]),
            Password = user.Length > 1 ? Uri.UnescapeDataString(user[1]) : null,
            ApplicationName = "grounded",
        };
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            try
            {
                builder[Uri.UnescapeDataString(kv[0])] = kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : "true";
            }
            catch (ArgumentException error)
            {
                throw new StoreException($"'{Redact(url)}': unknown connection parameter '{kv[0]}' ({error.Message})", error);
            }
        }

        return builder.ConnectionString;
    }

    /// <summary>Returns the URL with any password replaced by <c>***</c>, for messages.</summary>
    public static string Redact(string url) => Rag.Index.StoreLocation.Redact(url);
}
