using System.Text.Json.Serialization;

namespace Grounded.Answers;

/// <summary>The result of asking a question of a store.</summary>
/// <param name="Question">The question as asked; not written to JSON: the caller sent it, and an answer that repeats input never carries text the caller did not send or the documents did not hold.</param>
/// <param name="Answer">The answer text with <c>[n]</c> citation markers, or the abstention message.</param>
/// <param name="Abstained">Whether the evidence was judged insufficient to answer.</param>
/// <param name="Generator">The name of the generator that wrote the answer.</param>
/// <param name="Citations">The sources cited in the answer; empty when abstaining.</param>
/// <param name="Timings">Where the time went.</param>
public sealed record GroundedAnswer(
    [property: JsonIgnore] string Question, string Answer, bool Abstained, string Generator,
    IReadOnlyList<Citation> Citations, AnswerTimings Timings)
{
    /// <summary>Gets the answer's id (<c>ans_…</c>), which <c>POST /v1/feedback</c> accepts; null, and left out of JSON, where none was given (a library call).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Id { get; init; }

    /// <summary>Gets the question as it was searched when a rewrite stage changed it (misspellings corrected); null, and left out of JSON, otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SearchedFor { get; init; }

    /// <summary>Gets the tokens a language model used to write the answer; null, and left out of JSON, for the extractive answerer.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TokenUsage? Usage { get; init; }

    /// <summary>Gets how well the answer's claims are supported by the sources they cite (on by default); null, and left out of JSON, when grounding checks are off.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Grounding? Grounding { get; init; }

    /// <summary>Gets the best score among the chunks the answer was written from (null when none was retrieved): for the query log, not written to JSON.</summary>
    [JsonIgnore]
    public double? TopRetrievalScore { get; init; }

    /// <summary>Gets what the guards on retrieved chunks did (chunks dropped, quoted, redacted); null, and left out of JSON, when no such guard ran.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RetrievalGuardReport? RetrievalGuards { get; init; }
}
