using Grounded.Answers;
using Grounded.Chunks;

namespace Grounded.Stages;

/// <summary>Answer stage: writes an answer from retrieved evidence, citing it, or abstains; streamed or whole.</summary>
public interface IAnswerGenerator
{
    /// <summary>Gets the name reported as the answer's generator.</summary>
    string Name { get; }

    /// <summary>Answers the question from the evidence, or abstains when the evidence does not answer it.</summary>
    Task<GeneratedAnswer> GenerateAsync(string question, IReadOnlyList<ScoredChunk> evidence, CancellationToken cancellationToken);

    /// <summary>
    /// Answers like <see cref="GenerateAsync"/>, as the text is written: pieces of text, then one last update with the
    /// whole answer (which may differ from the pieces: unknown citation markers removed, or an abstention). A stage that
    /// cannot stream sends its whole text as one piece.
    /// </summary>
    IAsyncEnumerable<AnswerUpdate> GenerateStreamingAsync(string question, IReadOnlyList<ScoredChunk> evidence, CancellationToken cancellationToken) =>
        AnswerStreams.Whole(this, question, evidence, cancellationToken);
}
