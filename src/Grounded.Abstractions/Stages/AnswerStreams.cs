using System.Runtime.CompilerServices;
using Grounded.Answers;
using Grounded.Chunks;

namespace Grounded.Stages;

/// <summary>Streams of answer updates.</summary>
public static class AnswerStreams
{
    /// <summary>Streams an answer stage that writes whole answers: its text as one piece, then the answer.</summary>
    public static async IAsyncEnumerable<AnswerUpdate> Whole(
        IAnswerGenerator generator, string question, IReadOnlyList<ScoredChunk> evidence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(generator);
        var answer = await generator.GenerateAsync(question, evidence, cancellationToken).ConfigureAwait(false);
        yield return AnswerUpdate.Text(answer.Text);
        yield return AnswerUpdate.Final(answer);
    }
}
