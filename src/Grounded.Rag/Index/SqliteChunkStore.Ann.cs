using System.Globalization;
using Grounded.Rag.Index.Ann;
using Microsoft.Data.Sqlite;

namespace Grounded.Rag.Index;

public sealed partial class SqliteChunkStore : IVectorIndexStatus
{
    private const int RebuildBatch = 8_192;
    private readonly ReaderWriterLockSlim _annLock = new();
    private HnswIndex? _ann;
    private long _annEpoch;
    private long _annLogId;
    private long _annUnsaved;

    // The vector count of a store too small for the index, valid while the vector log's head and the epoch stay put:
    // counting reads every embedding, so it is not repeated on every search.
    private (long Epoch, long Head, long Vectors)? _countedBelowThreshold;

    /// <summary>Gets how the HNSW index is built and when it is used.</summary>
    public AnnOptions Ann { get; private init; } = new();

    /// <summary>Gets whether the last dense search went through the HNSW index rather than the exact scan.</summary>
    public bool LastSearchUsedAnn { get; private set; }

    /// <inheritdoc />
    public string LastSearchIndex => LastSearchUsedAnn ? "hnsw" : "exact";

    /// <summary>
    /// Brings the HNSW index up to date with the database and saves it: loads the newest index file and replays the
    /// chunk changes logged since, or builds it when missing, unreadable or from before a reindex. Does nothing below
    /// <see cref="AnnOptions.MinimumVectors"/> unless an index file already exists; <paramref name="rebuild"/> ignores the
    /// file and the loaded index and builds from the rows. Returns the number of vectors indexed (0: exact search).
    /// </summary>
    public async Task<long> SyncAnnIndexAsync(bool rebuild, CancellationToken cancellationToken)
    {
        var index = await EnsureAnnAsync(rebuild, save: true, cancellationToken).ConfigureAwait(false);
        return index?.Count ?? 0;
    }

    private async Task<HnswIndex?> EnsureAnnAsync(bool rebuild, bool save, CancellationToken cancellationToken)
    {
        if (!Ann.Enabled)
        {
            return null;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            long head;
            using (var snapshot = _connection.BeginTransaction(deferred: true))
            {
                CurrentTransaction = snapshot;
                var epoch = await MetaLongAsync("ann_epoch", cancellationToken).ConfigureAwait(false);
                var floor = await MetaLongAsync("ann_log_floor", cancellationToken).ConfigureAwait(false);
                head = Math.Max(floor, await ScalarLongAsync("SELECT COALESCE(MAX(id), 0) FROM vector_log", cancellationToken).ConfigureAwait(false));
                if (_ann is not null && (rebuild || _annEpoch != epoch || _annLogId < floor))
                {
                    DropAnn();
                }

                if (_ann is null && !rebuild)
                {
                    TryLoadAnn(epoch, floor);
                }

                if (_ann is not null && head - _annLogId > Math.Max(10_000, _ann.Count / 2))
                {
                    DropAnn(); // replaying more changes than half the index holds costs more than building it again
                }

                if (_ann is null)
                {
                    var vectors = _countedBelowThreshold is { } counted && counted.Epoch == epoch && counted.Head == head
                        ? counted.Vectors
                        : await CountVectorsAsync(cancellationToken).ConfigureAwait(false);
                    if (vectors < Ann.MinimumVectors && !AnnIndexFile.Any(Directory))
                    {
                        _countedBelowThreshold = (epoch, head, vectors);
                        return null;
                    }

                    _countedBelowThreshold = null;

                    await BuildAnnAsync(vectors, cancellationToken).ConfigureAwait(false);
                    (_annEpoch, _annLogId, _annUnsaved) = (epoch, head, Math.Max(1, vectors));
                }
                else if (_annLogId < head)
                {
                    _annUnsaved += await CatchUpAnnAsync(_annLogId, cancellationToken).ConfigureAwait(false);
                    _annLogId = head;
                }
            }

            CurrentTransaction = null;
            if (_annUnsaved > 0 && (save || _annUnsaved >= Math.Max(1_000, _ann!.Count / 100)))
            {
                await SaveAnnAsync(cancellationToken).ConfigureAwait(false);
            }

            return _ann;
        }
        finally
        {
            CurrentTransaction = null;
            _gate.Release();
        }
    }

    private void TryLoadAnn(long epoch, long floor)
    {
        if (AnnIndexFile.Latest(Directory, epoch) is not { } file || file.LogId < floor)
        {
            return;
        }

        try
        {
            _ann = HnswIndex.Load(file.Path, Model.Dimensions, Ann);
            (_annEpoch, _annLogId, _annUnsaved) = (epoch, file.LogId, 0);
        }
        catch (InvalidDataException)
        {
            // A damaged or foreign file is only a cache: rebuild from the rows.
        }
    }

    private async Task BuildAnnAsync(long vectors, CancellationToken cancellationToken)
    {
        var index = HnswIndex.Create(Model.Dimensions, Ann);
        try
        {
            index.Reserve(vectors);
            using var command = Command("SELECT c.seq, e.vector FROM chunks c JOIN embeddings e ON e.content_hash = c.content_hash", CurrentTransaction);
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var batch = new List<(ulong, float[])>(RebuildBatch);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (ReadVectors(reader, 1) is { } rows)
                {
                    batch.Add(((ulong)reader.GetInt64(0), rows));
                }

                if (batch.Count == RebuildBatch)
                {
                    index.AddMany(batch, Ann.BuildThreads, cancellationToken);
                    batch.Clear();
                }
            }

            index.AddMany(batch, Ann.BuildThreads, cancellationToken);
            _ann = index;
        }
        catch
        {
            index.Dispose();
            throw;
        }
    }

    /// <summary>Replays the chunk changes logged after <paramref name="after"/>: each touched chunk is removed and, if it still exists, added again.</summary>
    private async Task<long> CatchUpAnnAsync(long after, CancellationToken cancellationToken)
    {
        var touched = new HashSet<long>();
        using (var log = Command("SELECT DISTINCT seq FROM vector_log WHERE id > $after", CurrentTransaction))
        {
            log.Parameters.AddWithValue("$after", after);
            using var reader = await log.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                touched.Add(reader.GetInt64(0));
            }
        }

        var current = new List<(ulong, float[])>();
        using (var read = Command("SELECT c.seq, e.vector FROM chunks c JOIN embeddings e ON e.content_hash = c.content_hash WHERE c.seq = $seq", CurrentTransaction))
        {
            var seq = read.Parameters.Add("$seq", SqliteType.Integer);
            foreach (var id in touched)
            {
                seq.Value = id;
                using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && ReadVectors(reader, 1) is { } rows)
                {
                    current.Add(((ulong)id, rows));
                }
            }
        }

        _annLock.EnterWriteLock();
        try
        {
            foreach (var id in touched)
            {
                _ann!.Remove((ulong)id);
            }

            _ann!.AddMany(current, Ann.BuildThreads, cancellationToken);
        }
        finally
        {
            _annLock.ExitWriteLock();
        }

        return touched.Count;
    }

    /// <summary>Writes the index file, then forgets the log it covers (another process behind that point reloads the file).</summary>
    private async Task SaveAnnAsync(CancellationToken cancellationToken)
    {
        try
        {
            AnnIndexFile.Save(_ann!, Directory, _annEpoch, _annLogId, _time);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return; // the file is only a cache: the log still holds every change, and the next save tries again
        }

        _annUnsaved = 0;
        using var transaction = _connection.BeginTransaction(deferred: false);
        using (var trim = Command("DELETE FROM vector_log WHERE id <= $id", transaction))
        {
            trim.Parameters.AddWithValue("$id", _annLogId);
            await trim.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        using (var floor = Command("""
            INSERT INTO meta(key, value) VALUES ('ann_log_floor', $id)
            ON CONFLICT(key) DO UPDATE SET value = MAX(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))
            """, transaction))
        {
            floor.Parameters.AddWithValue("$id", _annLogId.ToString(CultureInfo.InvariantCulture));
            await floor.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Makes every index file and loaded index obsolete (the vectors were re-embedded); called inside the reindex transaction.</summary>
    private async Task BumpAnnEpochAsync(CancellationToken cancellationToken)
    {
        using var bump = Command("""
            INSERT INTO meta(key, value) VALUES ('ann_epoch', '1')
            ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1
            """, CurrentTransaction);
        await bump.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private void DropAnn()
    {
        _annLock.EnterWriteLock();
        try
        {
            _ann?.Dispose();
            _ann = null;
        }
        finally
        {
            _annLock.ExitWriteLock();
        }
    }

    private async Task<long> CountVectorsAsync(CancellationToken cancellationToken) =>
        await ScalarLongAsync("SELECT COALESCE(SUM(length(e.vector)), 0) FROM chunks c JOIN embeddings e ON e.content_hash = c.content_hash", cancellationToken).ConfigureAwait(false)
        / (Model.Dimensions * sizeof(float));

    private async Task<long> MetaLongAsync(string key, CancellationToken cancellationToken)
    {
        using var command = Command("SELECT value FROM meta WHERE key = $key", CurrentTransaction);
        command.Parameters.AddWithValue("$key", key);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string value
            && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : 0;
    }

    private async Task<long> ScalarLongAsync(string sql, CancellationToken cancellationToken)
    {
        using var command = Command(sql, CurrentTransaction);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>Reads a vectors blob (one or more rows of the model's dimensions), or null when it is malformed.</summary>
    private float[]? ReadVectors(SqliteDataReader reader, int ordinal)
    {
        var blob = (byte[])reader.GetValue(ordinal);
        return blob.Length == 0 || blob.Length % (Model.Dimensions * sizeof(float)) != 0 ? null : VectorBlob.ToVector(blob);
    }
}
