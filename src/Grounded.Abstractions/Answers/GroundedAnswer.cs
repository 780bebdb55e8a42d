namespace Grounded.Answers;

/// <summary>The result of asking a question of a store.</summary>
/// <param name="Question">The question as asked.</param>
/// <param name="Answer">The answer text with <c>[n]</c> citation markers, or the abstention message.</param>
/// <param name="Abstained">Whether the evidence was judged insufficient to answer.</param>
/// <param name="Generator">The name of the generator that wrote the answer.</param>
/// <param name="Citations">The sources cited in the answer; empty when abstaining.</param>
/// <param name="Timings">Where the time went.</param>
public sealed record GroundedAnswer(
    string Question, string Answer, bool Abstained, string Generator,
    IReadOnlyList<Citation> Citations, AnswerTimings Timings);
