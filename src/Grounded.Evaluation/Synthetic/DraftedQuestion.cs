namespace Grounded.Evaluation.Synthetic;

/// <summary>A question a template drew from one sentence, with its answer (a span of that sentence).</summary>
/// <param name="Question">The question.</param>
/// <param name="Answer">The answer, as it appears in the text.</param>
/// <param name="Kind">The template: <c>definition</c>, <c>number</c> or <c>name</c>; definitions are preferred, then numbers.</param>
public sealed record DraftedQuestion(string Question, string Answer, string Kind);
