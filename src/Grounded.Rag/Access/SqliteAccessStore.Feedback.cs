using System.Text.Json;
using Grounded.Feedback;

namespace Grounded.Rag.Access;

/// <summary>Feedback in <c>access.db</c> (<c>feedback</c>): one row per tenant and response, a later rating replacing the earlier.</summary>
public sealed partial class SqliteAccessStore
{
    /// <inheritdoc />
    public async Task SaveFeedbackAsync(FeedbackRecord feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var upsert = Command(connection, """
            INSERT INTO feedback(at, tenant, response_id, rating, key_id, comment, endpoint, prompt_id, model, question, answer, sources, abstained)
            VALUES ($at, $tenant, $id, $rating, $key, $comment, $endpoint, $prompt, $model, $question, $answer, $sources, $abstained)
            ON CONFLICT(tenant, response_id) DO UPDATE SET at = excluded.at, rating = excluded.rating, key_id = excluded.key_id,
                comment = excluded.comment, endpoint = excluded.endpoint, prompt_id = excluded.prompt_id, model = excluded.model,
                question = excluded.question, answer = excluded.answer, sources = excluded.sources, abstained = excluded.abstained
            """);
        object?[] values =
        [
            Stamp(feedback.At), feedback.Tenant, feedback.ResponseId, feedback.Rating, feedback.KeyId, feedback.Comment, feedback.Endpoint,
            feedback.PromptId, feedback.Model, feedback.Question, feedback.Answer, JsonSerializer.Serialize(feedback.Sources.ToArray()), feedback.Abstained ? 1 : 0,
        ];
        string[] names = ["$at", "$tenant", "$id", "$rating", "$key", "$comment", "$endpoint", "$prompt", "$model", "$question", "$answer", "$sources", "$abstained"];
        for (var i = 0; i < names.Length; i++)
        {
            upsert.Parameters.AddWithValue(names[i], values[i] ?? DBNull.Value);
        }

        await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<FeedbackRecord>> ReadFeedbackAsync(DateTimeOffset since, DateTimeOffset until, string? tenant, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var select = Command(connection, $"""
            SELECT at, response_id, tenant, rating, key_id, comment, endpoint, prompt_id, model, question, answer, sources, abstained FROM feedback
            WHERE at >= $since AND at < $until {(tenant is null ? "" : "AND tenant = $tenant")} ORDER BY at, seq LIMIT $limit
            """);
        select.Parameters.AddWithValue("$since", Stamp(since));
        select.Parameters.AddWithValue("$until", Stamp(until));
        select.Parameters.AddWithValue("$tenant", (object?)tenant ?? DBNull.Value);
        select.Parameters.AddWithValue("$limit", Math.Max(0, limit));
        var rows = new List<FeedbackRecord>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            rows.Add(new FeedbackRecord(Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2), reader.GetString(3))
            {
                KeyId = Text(4), Comment = Text(5), Endpoint = Text(6), PromptId = Text(7), Model = Text(8), Question = Text(9), Answer = Text(10),
                Sources = JsonSerializer.Deserialize<string[]>(reader.GetString(11)) ?? [],
                Abstained = reader.GetInt64(12) != 0,
            });
        }

        return rows;
    }
}
