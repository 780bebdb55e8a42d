using Grounded.Access;
using Grounded.Rag.Access;
using Grounded.Storage;

namespace Grounded.Rag.Index;

/// <summary>The embedded store: a directory (or <c>sqlite:DIR</c>) holding one SQLite database. Any location with a URL scheme (<c>xxx://</c>) is not one.</summary>
public sealed class SqliteStoreProvider : IStoreProvider
{
    private const string Prefix = "sqlite:";

    /// <inheritdoc />
    public string Name => "sqlite";

    /// <inheritdoc />
    public string Form => "a directory (or sqlite:DIR) for the embedded store";

    /// <inheritdoc />
    public bool Handles(string location) =>
        location is not null && (location.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || !location.Contains("://", StringComparison.Ordinal));

    /// <inheritdoc />
    public async Task<IReindexableChunkStore> OpenAsync(StoreRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await SqliteChunkStore.OpenAsync(Directory(request.Location), request.Model, request.Time, request.AllowModelChange, request.Ann, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IAccessStore> OpenAccessAsync(string location, TimeProvider time, CancellationToken cancellationToken) =>
        await SqliteAccessStore.OpenAsync(Directory(location), time, cancellationToken).ConfigureAwait(false);

    private static string Directory(string location)
    {
        if (!location.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return location;
        }

        var directory = location[Prefix.Length..];
        return directory.StartsWith("//", StringComparison.Ordinal) ? directory[2..] : directory; // sqlite:///abs/path as a URL
    }
}
