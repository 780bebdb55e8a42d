using Grounded.Usage;

namespace Grounded.Conformance;

/// <summary>The query log every access store keeps for drift reports: rows appended in batches and read back by time window and tenant, embeddings intact.</summary>
public abstract partial class AccessStoreConformance
{
    [SkippableFact]
    public async Task TheQueryLogReturnsTheRowsOfAWindowWithTheirEmbeddingsAndSignals()
    {
        await using var store = await OpenAsync(Time);
        var tenant = "drift-" + Guid.NewGuid().ToString("N")[..8];
        var now = Time.GetUtcNow();
        float[] vector = [.. Enumerable.Range(0, 384).Select(i => (float)Math.Sin(i) / 10)];
        await store.LogQueriesAsync(
        [
            new QueryLogRecord(now.AddDays(-10), tenant, vector) { TopScore = 0.1 },
            new QueryLogRecord(now.AddHours(-2), tenant, vector) { TopScore = 0.71, GuardTriggers = 2, GroundingScore = 0.83 },
            new QueryLogRecord(now.AddHours(-1), tenant, vector) { Abstained = true },
            new QueryLogRecord(now.AddHours(-1), "other-" + tenant, vector),
        ], None);

        var rows = await store.ReadQueriesAsync(now.AddDays(-7), now, tenant, None);

        Assert.Equal(2, rows.Count);
        Assert.Equal(vector, rows[0].Embedding);
        Assert.Equal((0.71, false, 2, 0.83), (rows[0].TopScore, rows[0].Abstained, rows[0].GuardTriggers, rows[0].GroundingScore));
        Assert.Equal((null, true, 0, null), ((double?)rows[1].TopScore, rows[1].Abstained, rows[1].GuardTriggers, (double?)rows[1].GroundingScore));
        Assert.Equal(now.AddHours(-2), rows[0].At);
        Assert.Equal(3, (await store.ReadQueriesAsync(now.AddDays(-7), now, null, None)).Count(r => r.Tenant.EndsWith(tenant, StringComparison.Ordinal)));
    }
}
