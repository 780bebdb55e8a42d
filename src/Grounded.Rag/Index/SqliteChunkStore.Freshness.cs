using System.Globalization;

namespace Grounded.Rag.Index;

public sealed partial class SqliteChunkStore
{
    private long _matrixDataVersion = -1;

    /// <summary>
    /// Returns the search matrix, reloading it when another connection (another process, or another handle) has committed
    /// since it was loaded: SQLite's <c>data_version</c> changes exactly then. This handle's own commits drop the matrix already.
    /// </summary>
    private async Task<VectorMatrix> CurrentMatrixAsync(CancellationToken cancellationToken)
    {
        using var probe = Command("PRAGMA data_version", CurrentTransaction);
        var version = Convert.ToInt64(await probe.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        if (_matrix is { } matrix && version == _matrixDataVersion)
        {
            return matrix;
        }

        // Read the version before loading: a commit racing the load leaves the versions different, so the next search reloads.
        _matrixDataVersion = version;
        return await LoadMatrixAsync(cancellationToken).ConfigureAwait(false);
    }
}
