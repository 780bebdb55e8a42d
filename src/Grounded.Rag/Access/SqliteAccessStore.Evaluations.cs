using Grounded.Evaluation;
using Grounded.Storage;
using Microsoft.Data.Sqlite;

namespace Grounded.Rag.Access;

/// <summary>Saved evaluation runs (<c>evaluation_runs</c>): the columns a run is listed by, its metric means and its report.</summary>
public sealed partial class SqliteAccessStore
{
    private const string EvaluationColumns = "id, at, tenant, dataset, prompt, model, gate, metrics";

    /// <inheritdoc />
    public async Task SaveEvaluationRunAsync(EvaluationRunRecord run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var insert = Command(connection,
                $"INSERT INTO evaluation_runs({EvaluationColumns}, report) VALUES ($id, $at, $tenant, $dataset, $prompt, $model, $gate, $metrics, $report) ON CONFLICT(id) DO NOTHING");
            insert.Parameters.AddWithValue("$id", run.Id);
            insert.Parameters.AddWithValue("$at", Stamp(run.At));
            insert.Parameters.AddWithValue("$tenant", run.Tenant);
            insert.Parameters.AddWithValue("$dataset", run.Dataset);
            insert.Parameters.AddWithValue("$prompt", (object?)run.Prompt ?? DBNull.Value);
            insert.Parameters.AddWithValue("$model", (object?)run.Model ?? DBNull.Value);
            insert.Parameters.AddWithValue("$gate", (object?)run.Gate ?? DBNull.Value);
            insert.Parameters.AddWithValue("$metrics", EvaluationMetricsJson.Write(run.Metrics));
            insert.Parameters.AddWithValue("$report", run.Report ?? "{}");
            if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                throw new ArgumentException($"an evaluation run '{run.Id}' is already saved");
            }
        }
        catch (SqliteException error)
        {
            throw new StoreException($"cannot save evaluation run '{run.Id}': {error.Message}", error);
        }
    }

    /// <inheritdoc />
    public async Task<EvaluationRunRecord?> GetEvaluationRunAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return (await ReadEvaluationsAsync($"SELECT {EvaluationColumns}, report FROM evaluation_runs WHERE id = $id", id, null, 1, cancellationToken).ConfigureAwait(false))
            is [var run] ? run : null;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<EvaluationRunRecord>> ListEvaluationRunsAsync(string? tenant, int limit, CancellationToken cancellationToken) =>
        ReadEvaluationsAsync($"SELECT {EvaluationColumns} FROM evaluation_runs {(tenant is null ? "" : "WHERE tenant = $tenant")} ORDER BY at DESC, id DESC LIMIT $limit",
            null, tenant, Math.Max(1, limit), cancellationToken);

    private async Task<IReadOnlyList<EvaluationRunRecord>> ReadEvaluationsAsync(string sql, string? id, string? tenant, int limit, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var select = Command(connection, sql);
            select.Parameters.AddWithValue("$id", (object?)id ?? DBNull.Value);
            select.Parameters.AddWithValue("$tenant", (object?)tenant ?? DBNull.Value);
            select.Parameters.AddWithValue("$limit", limit);
            var runs = new List<EvaluationRunRecord>();
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                runs.Add(new EvaluationRunRecord(reader.GetString(0), Parse(reader.GetString(1)), reader.GetString(2), reader.GetString(3))
                {
                    Prompt = reader.IsDBNull(4) ? null : reader.GetString(4),
                    Model = reader.IsDBNull(5) ? null : reader.GetString(5),
                    Gate = reader.IsDBNull(6) ? null : reader.GetString(6),
                    Metrics = EvaluationMetricsJson.Read(reader.GetString(7)),
                    Report = reader.FieldCount > 8 ? reader.GetString(8) : null,
                });
            }

            return runs;
        }
        catch (SqliteException error)
        {
            throw new StoreException($"cannot read evaluation runs: {error.Message}", error);
        }
    }
}
