using Grounded.Answers;
using Grounded.Chunks;
using Grounded.Stages;

namespace Grounded.Rag.Answer;

/// <summary>Compresses the evidence to the answer model's context budget (<see cref="EvidenceCompressor"/>) before the model writes the answer.</summary>
internal sealed class CompressingAnswerGenerator(IAnswerGenerator inner, EvidenceCompressor compressor) : DelegatingAnswerGenerator(inner)
{
    public override async Task<GeneratedAnswer> GenerateAsync(string question, IReadOnlyList<ScoredChunk> evidence, CancellationToken cancellationToken)
    {
        var (compressed, _, _) = await compressor.CompressAsync(question, evidence, cancellationToken).ConfigureAwait(false);
        return await Inner.GenerateAsync(question, compressed, cancellationToken).ConfigureAwait(false);
    }

    public override async IAsyncEnumerable<AnswerUpdate> GenerateStreamingAsync(string question, IReadOnlyList<ScoredChunk> evidence, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (compressed, _, _) = await compressor.CompressAsync(question, evidence, cancellationToken).ConfigureAwait(false);
        await foreach (var update in Inner.GenerateStreamingAsync(question, compressed, cancellationToken).ConfigureAwait(false))
        {
            yield return update;
        }
    }
}
