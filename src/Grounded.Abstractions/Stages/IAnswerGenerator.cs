using Grounded.Answers;
using Grounded.Chunks;

namespace Grounded.Stages;

/// <summary>Answer stage: writes an answer from retrieved evidence, citing it, or abstains.</summary>
public interface IAnswerGenerator
{
    /// <summary>Gets the name reported as the answer's generator.</summary>
    string Name { get; }

    /// <summary>Answers the question from the evidence, or abstains when the evidence does not answer it.</summary>
    Task<GeneratedAnswer> GenerateAsync(string question, IReadOnlyList<ScoredChunk> evidence, CancellationToken cancellationToken);
}
