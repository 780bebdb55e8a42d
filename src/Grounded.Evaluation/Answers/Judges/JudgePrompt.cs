namespace Grounded.Evaluation.Answers;

/// <summary>
/// The rubric an LLM judge scores answers with: a system part and a user template with the placeholders
/// <c>{{question}}</c>, <c>{{reference}}</c>, <c>{{answer}}</c> and <c>{{sources}}</c>, and the prompt reference
/// (<c>id@version</c>) it is recorded and cached under. The judge must reply with JSON <c>{"score": 1-5, "reason": "..."}</c>.
/// </summary>
/// <param name="Ref">The prompt reference, such as <c>answer-judge@1.0.0</c>.</param>
/// <param name="System">The system part.</param>
/// <param name="UserTemplate">The user part, with placeholders.</param>
public sealed record JudgePrompt(string Ref, string System, string UserTemplate)
{
    /// <summary>Gets the sampling temperature; null leaves the model's default (repeats then show the judge's variance).</summary>
    public double? Temperature { get; init; }

    /// <summary>Gets the most tokens a verdict may take. The default is 300.</summary>
    public int MaxOutputTokens { get; init; } = 300;

    /// <summary>Gets a built-in rubric, used until a registry prompt is given.</summary>
    public static JudgePrompt Default { get; } = new(
        "answer-judge@1.0.0",
        "You grade answers to questions asked of a document collection. Score the answer from 1 to 5: 5 = correct, complete and supported by its sources; "
        + "4 = correct with minor omissions; 3 = partly correct; 2 = mostly wrong or unsupported; 1 = wrong, or an answer where the reference says the documents do not answer "
        + "(then an abstention scores 5). Reply with JSON only: {\"score\": <1-5>, \"reason\": \"<one sentence>\"}.",
        "Question: {{question}}\n\nReference answer(s): {{reference}}\n\nAnswer to grade: {{answer}}\n\nSources the answer cites:\n{{sources}}");

    /// <summary>Returns the user message for one answer.</summary>
    public string Render(string question, string reference, string answer, string sources) =>
        UserTemplate.Replace("{{question}}", question, StringComparison.Ordinal)
            .Replace("{{reference}}", reference, StringComparison.Ordinal)
            .Replace("{{answer}}", answer, StringComparison.Ordinal)
            .Replace("{{sources}}", sources, StringComparison.Ordinal);
}
