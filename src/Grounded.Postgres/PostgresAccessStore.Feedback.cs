using Grounded.Feedback;
using Npgsql;
using NpgsqlTypes;

namespace Grounded.Postgres;

/// <summary>Feedback in the <c>feedback</c> table: one row per tenant and response, a later rating replacing the earlier.</summary>
public sealed partial class PostgresAccessStore
{
    /// <inheritdoc />
    public async Task SaveFeedbackAsync(FeedbackRecord feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        await using var upsert = _source.CreateCommand("""
            INSERT INTO feedback(at, tenant, response_id, rating, key_id, comment, endpoint, prompt_id, model, question, answer, sources, abstained)
            VALUES (@at, @tenant, @id, @rating, @key, @comment, @endpoint, @prompt, @model, @question, @answer, @sources, @abstained)
            ON CONFLICT(tenant, response_id) DO UPDATE SET at = excluded.at, rating = excluded.rating, key_id = excluded.key_id,
                comment = excluded.comment, endpoint = excluded.endpoint, prompt_id = excluded.prompt_id, model = excluded.model,
                question = excluded.question, answer = excluded.answer, sources = excluded.sources, abstained = excluded.abstained
            """);
        upsert.Parameters.AddWithValue("at", Truncate(feedback.At));
        upsert.Parameters.AddWithValue("tenant", feedback.Tenant);
        upsert.Parameters.AddWithValue("id", feedback.ResponseId);
        upsert.Parameters.AddWithValue("rating", feedback.Rating);
        (string Name, string? Value)[] texts =
        [
            ("key", feedback.KeyId), ("comment", feedback.Comment), ("endpoint", feedback.Endpoint), ("prompt", feedback.PromptId),
            ("model", feedback.Model), ("question", feedback.Question), ("answer", feedback.Answer),
        ];
        foreach (var (name, value) in texts)
        {
            upsert.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value });
        }

        upsert.Parameters.Add(new NpgsqlParameter("sources", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = feedback.Sources.ToArray() });
        upsert.Parameters.AddWithValue("abstained", feedback.Abstained);
        await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<FeedbackRecord>> ReadFeedbackAsync(DateTimeOffset since, DateTimeOffset until, string? tenant, int limit, CancellationToken cancellationToken)
    {
        await using var select = _source.CreateCommand("""
            SELECT at, response_id, tenant, rating, key_id, comment, endpoint, prompt_id, model, question, answer, sources, abstained FROM feedback
            WHERE at >= @since AND at < @until AND (@tenant::text IS NULL OR tenant = @tenant) ORDER BY at, seq LIMIT @limit
            """);
        select.Parameters.AddWithValue("since", Truncate(since));
        select.Parameters.AddWithValue("until", Truncate(until));
        select.Parameters.Add(new NpgsqlParameter("tenant", NpgsqlDbType.Text) { Value = (object?)tenant ?? DBNull.Value });
        select.Parameters.AddWithValue("limit", Math.Max(0, limit));
        var rows = new List<FeedbackRecord>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            rows.Add(new FeedbackRecord(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.GetString(2), reader.GetString(3))
            {
                KeyId = Text(4), Comment = Text(5), Endpoint = Text(6), PromptId = Text(7), Model = Text(8), Question = Text(9), Answer = Text(10),
                Sources = reader.GetFieldValue<string[]>(11),
                Abstained = reader.GetBoolean(12),
            });
        }

        return rows;
    }
}
