using Grounded.Usage;
using Microsoft.Data.Sqlite;

namespace Grounded.Rag.Access;

/// <summary>The usage ledger in <c>access.db</c>: rows appended in batches, summed by SQL.</summary>
public sealed partial class SqliteAccessStore
{
    /// <inheritdoc />
    public async Task RecordAsync(IReadOnlyList<UsageRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return;
        }

        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = Command(connection, """
            INSERT INTO usage_ledger(at, request_id, endpoint, tenant, key_id, end_user, requested_model, model, route, route_class, prompt_id, cache,
                input_tokens, cached_input_tokens, output_tokens, cost_nusd, saved_nusd, latency_ms, status)
            VALUES ($at, $request, $endpoint, $tenant, $key, $user, $requested, $model, $route, $class, $prompt, $cache,
                $input, $cached, $output, $cost, $saved, $latency, $status)
            """);
        insert.Transaction = transaction;
        string[] names = ["$at", "$request", "$endpoint", "$tenant", "$key", "$user", "$requested", "$model", "$route", "$class", "$prompt", "$cache",
            "$input", "$cached", "$output", "$cost", "$saved", "$latency", "$status"];
        foreach (var name in names)
        {
            insert.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        foreach (var r in records)
        {
            object?[] values = [Stamp(r.At), r.RequestId, r.Endpoint, r.Tenant, r.KeyId, r.EndUser, r.RequestedModel, r.Model, r.Route, r.RouteClass, r.PromptId, r.Cache,
                r.InputTokens, r.CachedInputTokens, r.OutputTokens, NanoDollars.From(r.CostUsd), NanoDollars.From(r.SavedUsd), r.LatencyMs, r.Status];
            for (var i = 0; i < values.Length; i++)
            {
                insert.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<UsageTotal>> SummarizeAsync(UsageQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var select = Command(connection, UsageLedgerSql.Summary(query.By, day: "substr(at, 1, 10)"));
        select.Parameters.AddWithValue("@since", Stamp(query.Since));
        select.Parameters.AddWithValue("@until", query.Until is { } until ? Stamp(until) : DBNull.Value);
        select.Parameters.AddWithValue("@tenant", (object?)query.Tenant ?? DBNull.Value);
        select.Parameters.AddWithValue("@route", (object?)query.Route ?? DBNull.Value);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await UsageLedgerSql.ReadAsync(reader, cancellationToken).ConfigureAwait(false);
    }
}
