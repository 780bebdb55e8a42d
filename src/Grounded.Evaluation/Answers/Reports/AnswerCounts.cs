namespace Grounded.Evaluation.Answers;

/// <summary>How many items a run scored.</summary>
/// <param name="Items">All items.</param>
/// <param name="Answerable">Items with acceptable answers.</param>
/// <param name="Unanswerable">Items with none (the answerer should abstain).</param>
/// <param name="Abstained">Items the answerer abstained on.</param>
public sealed record AnswerCounts(int Items, int Answerable, int Unanswerable, int Abstained);
