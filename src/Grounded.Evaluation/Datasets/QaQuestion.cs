namespace Grounded.Evaluation.Datasets;

/// <summary>A question whose gold answer text must appear in a retrieved chunk.</summary>
/// <param name="Question">The question asked.</param>
/// <param name="Answer">The gold answer, as it is written in the corpus.</param>
public sealed record QaQuestion(string Question, string Answer);
