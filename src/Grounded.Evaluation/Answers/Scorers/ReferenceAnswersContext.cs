using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace Grounded.Evaluation.Answers;

/// <summary>The acceptable answers an answer is scored against; none when the documents do not answer the question.</summary>
public sealed class ReferenceAnswersContext : EvaluationContext
{
    /// <summary>The context's name.</summary>
    public const string ContextName = "Reference answers";

    /// <summary>Creates the context from the acceptable answers (empty: the item is unanswerable).</summary>
    public ReferenceAnswersContext(IReadOnlyList<string> answers)
        : base(ContextName, (answers ?? throw new ArgumentNullException(nameof(answers))).Select(a => (AIContent)new TextContent(a)).ToList()) => Answers = answers;

    /// <summary>Gets the acceptable answers.</summary>
    public IReadOnlyList<string> Answers { get; }

    /// <summary>Gets whether the documents answer the question.</summary>
    public bool Answerable => Answers.Count > 0;
}
