using Grounded.Evaluation;
using Grounded.Storage;
using Npgsql;

namespace Grounded.Postgres;

/// <summary>Saved evaluation runs (<c>evaluation_runs</c>, migration 9): the columns a run is listed by, its metric means and its report.</summary>
public sealed partial class PostgresAccessStore
{
    private const string EvaluationColumns = "id, at, tenant, dataset, prompt, model, gate, metrics";

    /// <inheritdoc />
    public async Task SaveEvaluationRunAsync(EvaluationRunRecord run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using var insert = _source.CreateCommand(
            $"INSERT INTO evaluation_runs({EvaluationColumns}, report) VALUES (@id, @at, @tenant, @dataset, @prompt, @model, @gate, @metrics, @report) ON CONFLICT (id) DO NOTHING");
        insert.Parameters.AddWithValue("id", run.Id);
        insert.Parameters.AddWithValue("at", Truncate(run.At));
        insert.Parameters.AddWithValue("tenant", run.Tenant);
        insert.Parameters.AddWithValue("dataset", run.Dataset);
        insert.Parameters.AddWithValue("prompt", (object?)run.Prompt ?? DBNull.Value);
        insert.Parameters.AddWithValue("model", (object?)run.Model ?? DBNull.Value);
        insert.Parameters.AddWithValue("gate", (object?)run.Gate ?? DBNull.Value);
        insert.Parameters.AddWithValue("metrics", EvaluationMetricsJson.Write(run.Metrics));
        insert.Parameters.AddWithValue("report", run.Report ?? "{}");
        int written;
        try
        {
            written = await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException error)
        {
            throw new StoreException($"cannot save evaluation run '{run.Id}': {error.Message.TrimEnd('.')}", error);
        }

        if (written == 0)
        {
            throw new ArgumentException($"an evaluation run '{run.Id}' is already saved");
        }
    }

    /// <inheritdoc />
    public async Task<EvaluationRunRecord?> GetEvaluationRunAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return (await ReadEvaluationsAsync($"SELECT {EvaluationColumns}, report FROM evaluation_runs WHERE id = @id", id, null, cancellationToken).ConfigureAwait(false))
            is [var run] ? run : null;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<EvaluationRunRecord>> ListEvaluationRunsAsync(string? tenant, int limit, CancellationToken cancellationToken) =>
        ReadEvaluationsAsync($"SELECT {EvaluationColumns} FROM evaluation_runs {(tenant is null ? "" : "WHERE tenant = @tenant")} ORDER BY at DESC, id DESC LIMIT {Math.Max(1, limit)}",
            null, tenant, cancellationToken);

    private async Task<IReadOnlyList<EvaluationRunRecord>> ReadEvaluationsAsync(string sql, string? id, string? tenant, CancellationToken cancellationToken)
    {
        await using var select = _source.CreateCommand(sql);
        if (id is not null)
        {
            select.Parameters.AddWithValue("id", id);
        }

        if (tenant is not null)
        {
            select.Parameters.AddWithValue("tenant", tenant);
        }

        try
        {
            var runs = new List<EvaluationRunRecord>();
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                runs.Add(new EvaluationRunRecord(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetString(3))
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
        catch (NpgsqlException error)
        {
            throw new StoreException($"cannot read evaluation runs: {error.Message.TrimEnd('.')}", error);
        }
    }
}
