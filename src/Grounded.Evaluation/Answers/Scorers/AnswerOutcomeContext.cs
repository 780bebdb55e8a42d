using Grounded.Answers;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace Grounded.Evaluation.Answers;

/// <summary>What the answerer did besides its text: whether it abstained, and the sources it cited.</summary>
public sealed class AnswerOutcomeContext : EvaluationContext
{
    /// <summary>The context's name.</summary>
    public const string ContextName = "Answer outcome";

    /// <summary>Creates the context.</summary>
    public AnswerOutcomeContext(bool abstained, IReadOnlyList<Citation> citations)
        : base(ContextName, [new TextContent(abstained ? "abstained" : $"cited: {string.Join(", ", (citations ?? []).Select(c => c.Source))}")])
    {
        Abstained = abstained;
        Citations = citations ?? throw new ArgumentNullException(nameof(citations));
    }

    /// <summary>Gets whether the answerer abstained.</summary>
    public bool Abstained { get; }

    /// <summary>Gets the cited sources, numbered as in the answer's text.</summary>
    public IReadOnlyList<Citation> Citations { get; }

    /// <summary>Returns the outcome of <paramref name="answer"/>.</summary>
    public static AnswerOutcomeContext Of(GroundedAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return new AnswerOutcomeContext(answer.Abstained, answer.Citations);
    }
}
