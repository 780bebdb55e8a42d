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
        var key = query.By switch
        {
            UsageGrouping.Model => "COALESCE(model, CASE WHEN cache IN ('exact', 'semantic') THEN 'cache' END)",
            UsageGrouping.Key => "key_id",
            UsageGrouping.Day => "substr(at, 1, 10)",
            UsageGrouping.Tenant => "tenant",
            UsageGrouping.User => "end_user",
            UsageGrouping.Endpoint => "endpoint",
            UsageGrouping.Class => "route_class",
            UsageGrouping.Cache => "cache",
            UsageGrouping.Prompt => "prompt_id",
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.By, "unknown grouping"),
        };
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var select = Command(connection, $"""
            SELECT COALESCE({key}, 'none') AS k, COUNT(*), SUM(input_tokens), SUM(cached_input_tokens), SUM(output_tokens), SUM(cost_nusd), SUM(saved_nusd),
                SUM(CASE WHEN cache IN ('exact', 'semantic') THEN 1 ELSE 0 END), SUM(status >= 400), AVG(latency_ms)
            FROM usage_ledger
            WHERE at >= $since AND ($until IS NULL OR at < $until) AND ($tenant IS NULL OR tenant = $tenant) AND ($route IS NULL OR route = $route)
            GROUP BY k ORDER BY SUM(cost_nusd) DESC, k
            """);
        select.Parameters.AddWithValue("$since", Stamp(query.Since));
        select.Parameters.AddWithValue("$until", query.Until is { } until ? Stamp(until) : DBNull.Value);
        select.Parameters.AddWithValue("$tenant", (object?)query.Tenant ?? DBNull.Value);
        select.Parameters.AddWithValue("$route", (object?)query.Route ?? DBNull.Value);
        var totals = new List<UsageTotal>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            totals.Add(new UsageTotal(reader.GetString(0))
            {
                Requests = reader.GetInt64(1),
                InputTokens = reader.GetInt64(2),
                CachedInputTokens = reader.GetInt64(3),
                OutputTokens = reader.GetInt64(4),
                CostUsd = NanoDollars.ToUsd(reader.GetInt64(5)),
                SavedUsd = NanoDollars.ToUsd(reader.GetInt64(6)),
                CacheHits = reader.GetInt64(7),
                Errors = reader.GetInt64(8),
                MeanLatencyMs = Math.Round(reader.GetDouble(9), 1),
            });
        }

        return totals;
    }
}
