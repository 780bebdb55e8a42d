using System.Data.Common;
using Grounded.Usage;

namespace Grounded.Rag.Access;

/// <summary>
/// The usage report's query and its reading, shared by the SQLite and the PostgreSQL ledger: the same SQL in both
/// dialects but for how a UTC day is written, with the parameters <c>@since</c>, <c>@until</c>, <c>@tenant</c> and
/// <c>@route</c> (null for "all").
/// </summary>
public static class UsageLedgerSql
{
    /// <summary>Returns the report's query grouped by <paramref name="by"/>; <paramref name="day"/> is the dialect's expression of a row's UTC day.</summary>
    public static string Summary(UsageGrouping by, string day)
    {
        var key = by switch
        {
            UsageGrouping.Model => "COALESCE(model, CASE WHEN cache IN ('exact', 'semantic') THEN 'cache' END)",
            UsageGrouping.Key => "key_id",
            UsageGrouping.Day => day,
            UsageGrouping.Tenant => "tenant",
            UsageGrouping.User => "end_user",
            UsageGrouping.Endpoint => "endpoint",
            UsageGrouping.Class => "route_class",
            UsageGrouping.Cache => "cache",
            UsageGrouping.Prompt => "prompt_id",
            _ => throw new ArgumentOutOfRangeException(nameof(by), by, "unknown grouping"),
        };
        return $"""
            SELECT COALESCE({key}, 'none') AS k, COUNT(*), CAST(SUM(input_tokens) AS BIGINT), CAST(SUM(cached_input_tokens) AS BIGINT),
                CAST(SUM(output_tokens) AS BIGINT), CAST(SUM(cost_nusd) AS BIGINT), CAST(SUM(saved_nusd) AS BIGINT),
                SUM(CASE WHEN cache IN ('exact', 'semantic') THEN 1 ELSE 0 END), SUM(CASE WHEN status >= 400 THEN 1 ELSE 0 END), AVG(latency_ms)
            FROM usage_ledger
            WHERE at >= @since AND (@until IS NULL OR at < @until) AND (@tenant IS NULL OR tenant = @tenant) AND (@route IS NULL OR route = @route)
            GROUP BY k ORDER BY SUM(cost_nusd) DESC, k
            """;
    }

    /// <summary>Reads the rows of <see cref="Summary"/>.</summary>
    public static async Task<IReadOnlyList<UsageTotal>> ReadAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var totals = new List<UsageTotal>();
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
                CacheHits = Convert.ToInt64(reader.GetValue(7), System.Globalization.CultureInfo.InvariantCulture),
                Errors = Convert.ToInt64(reader.GetValue(8), System.Globalization.CultureInfo.InvariantCulture),
                MeanLatencyMs = Math.Round(reader.GetDouble(9), 1),
            });
        }

        return totals;
    }
}
