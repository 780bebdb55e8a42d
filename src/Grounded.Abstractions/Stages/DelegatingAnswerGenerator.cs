using Grounded.Answers;
using Grounded.Chunks;

namespace Grounded.Stages;

/// <summary>
/// The base of answer-stage decorators (grounding checks, output guards): passes both the whole and the streamed
/// answer to the inner stage, so a decorator that overrides one keeps the other, and a streamed answer goes through
/// the same decorators as a whole one.
/// </summary>
public abstract class DelegatingAnswerGenerator : IAnswerGenerator
{
    /// <summary>Creates the decorator around <paramref name="inner"/>.</summary>
    protected DelegatingAnswerGenerator(IAnswerGenerator inner) => Inner = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <summary>Gets the decorated stage.</summary>
    protected IAnswerGenerator Inner { get; }

    /// <inheritdoc />
    public virtual string Name => Inner.Name;

    /// <inheritdoc />
    public virtual Task<GeneratedAnswer> GenerateAsync(string question, IReadOnlyList<ScoredChunk> evidence, CancellationToken cancellationToken) =>
        Inner.GenerateAsync(question, evidence, cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<AnswerUpdate> GenerateStreamingAsync(string question, IReadOnlyList<ScoredChunk> evidence, CancellationToken cancellationToken) =>
        Inner.GenerateStreamingAsync(question, evidence, cancellationToken);
}
