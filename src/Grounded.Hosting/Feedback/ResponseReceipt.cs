namespace Grounded.Hosting.Feedback;

/// <summary>
/// What one answer or completion was, kept for the feedback window only (never stored for good unless feedback comes):
/// whose it was, how it was made, and what it said, so feedback on it can be counted per prompt and model and exported.
/// </summary>
/// <param name="Id">The response's id (<c>ans_…</c>, <c>chatcmpl-…</c>, <c>resp_…</c>).</param>
/// <param name="Tenant">The tenant that received the response.</param>
/// <param name="Endpoint">What made it: <c>ask</c>, <c>chat</c>, <c>responses</c>.</param>
public sealed record ResponseReceipt(string Id, string Tenant, string Endpoint)
{
    /// <summary>Gets the API key's id of the caller; null without keys.</summary>
    public string? KeyId { get; init; }

    /// <summary>Gets the managed prompt (<c>id@version</c>) the response was made from, when one was.</summary>
    public string? PromptId { get; init; }

    /// <summary>Gets the model that served (<c>extractive</c> for the local answerer).</summary>
    public string? Model { get; init; }

    /// <summary>Gets the question (the last user message) as the provider saw it: PII redacted where guards redacted.</summary>
    public string? Question { get; init; }

    /// <summary>Gets the response's text.</summary>
    public string? Answer { get; init; }

    /// <summary>Gets the document ids the answer cited.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>Gets whether the answer was an abstention.</summary>
    public bool Abstained { get; init; }
}
