using Grounded.Prompts;

namespace Grounded.Hosting.Prompts;

/// <summary>
/// Scores a prompt version on an evaluation data set: the seam of the promotion gate (<c>grounded prompts promote</c>).
/// The gate scores the candidate on its own evaluation, and the active version on the candidate's evaluation too, so the
/// two scores compare like with like.
/// </summary>
public interface IPromptEvaluator
{
    /// <summary>Gets the evaluator's name, as promotion reports it (e.g. <c>eval</c>).</summary>
    string Name { get; }

    /// <summary>
    /// Scores <paramref name="prompt"/> on <paramref name="evaluation"/>'s data set and returns its metric's score (with every
    /// metric it measured), or a score of null saying why it cannot be scored (no data set, the data set missing, no model to run it).
    /// </summary>
    Task<PromptScore> EvaluateAsync(PromptVersion prompt, PromptEvaluation evaluation, CancellationToken cancellationToken);
}
