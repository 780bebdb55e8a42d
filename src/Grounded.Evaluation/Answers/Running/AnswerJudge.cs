using Microsoft.Extensions.AI;

namespace Grounded.Evaluation.Answers;

/// <summary>An LLM judge for a run: the client and model to ask, the rubric, how many verdicts per answer, and where verdicts are cached.</summary>
/// <param name="Client">The chat client (the gateway's).</param>
/// <param name="Model">The judge model's name.</param>
/// <param name="Prompt">The rubric prompt.</param>
public sealed record AnswerJudge(IChatClient Client, string Model, JudgePrompt Prompt)
{
    /// <summary>Gets how many verdicts are asked for per answer. The default is 1.</summary>
    public int Repeat { get; init; } = 1;

    /// <summary>Gets the verdict cache; null asks the judge every time.</summary>
    public JudgeCache? Cache { get; init; }
}
