namespace Grounded.Feedback;

/// <summary>
/// A person's rating of one answer or completion: which response (its <c>id</c>), whose, up or down, and what the response
/// was made from (prompt, model, endpoint), so that feedback can be counted per prompt and model and exported as an
/// evaluation dataset.
/// </summary>
/// <param name="At">When the feedback was given (UTC).</param>
/// <param name="ResponseId">The <c>id</c> of the answer or completion rated.</param>
/// <param name="Tenant">The tenant of the caller who rated (the same tenant that received the response).</param>
/// <param name="Rating">Either <c>up</c> or <c>down</c> (<see cref="FeedbackRatings"/>).</param>
public sealed record FeedbackRecord(DateTimeOffset At, string ResponseId, string Tenant, string Rating)
{
    /// <summary>Gets the API key's id of the caller who rated; null for the local CLI or a server without keys.</summary>
    public string? KeyId { get; init; }

    /// <summary>Gets the person's comment, if any.</summary>
    public string? Comment { get; init; }

    /// <summary>Gets the endpoint that produced the response: <c>ask</c>, <c>chat</c>, <c>responses</c>.</summary>
    public string? Endpoint { get; init; }

    /// <summary>Gets the managed prompt (<c>id@version</c>) the response was built from, when known.</summary>
    public string? PromptId { get; init; }

    /// <summary>Gets the model that served the response (<c>extractive</c> for the local answerer), when known.</summary>
    public string? Model { get; init; }

    /// <summary>Gets the question asked, when the server still held the response when the feedback came (for export).</summary>
    public string? Question { get; init; }

    /// <summary>Gets the response's text, when the server still held it when the feedback came (for export).</summary>
    public string? Answer { get; init; }

    /// <summary>Gets the document ids the answer cited (for export as an evaluation item's sources).</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>Gets whether the rated answer was an abstention.</summary>
    public bool Abstained { get; init; }
}
