using System.Text.Json.Serialization;

namespace Grounded.Evaluation.Answers;

/// <summary>One item's result: what was asked and expected, what the answerer said, and each metric (null where it does not apply).</summary>
/// <param name="Id">The item's identifier.</param>
/// <param name="Question">The question.</param>
/// <param name="Expected">The acceptable answers (empty: unanswerable).</param>
/// <param name="Sources">The expected sources.</param>
/// <param name="Tags">The item's tags.</param>
/// <param name="Answer">The answer's text, citation markers included.</param>
/// <param name="Abstained">Whether the answerer abstained.</param>
/// <param name="Citations">The cited sources' paths, numbered as in the answer (first is [1]).</param>
/// <param name="Metrics">Each metric's value; null where it does not apply.</param>
public sealed record AnswerItemReport(
    string Id, string Question, IReadOnlyList<string> Expected, IReadOnlyList<string> Sources, IReadOnlyList<string> Tags,
    string Answer, bool Abstained, IReadOnlyList<string> Citations, IReadOnlyDictionary<string, double?> Metrics)
{
    /// <summary>Gets the judge's verdicts on this answer; null, and left out of JSON, when no judge ran.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JudgeItemReport? Judge { get; init; }
}
