using Grounded.Answers;

namespace Grounded.Evaluation.Answers;

/// <summary>Answers one item's question, however the answers are produced (the stack's <c>AskAsync</c>, a fixed set, a test fake).</summary>
/// <param name="item">The item whose <see cref="AnswerItem.Question"/> is asked.</param>
/// <param name="cancellationToken">Cancels the answer.</param>
public delegate Task<GroundedAnswer> AnswerSource(AnswerItem item, CancellationToken cancellationToken);
