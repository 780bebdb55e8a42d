using System.Runtime.CompilerServices;
using Grounded.Answers;
using Grounded.Chunks;
using Grounded.Rag.Answer;
using Grounded.Stages;

namespace Grounded.Rag.Verify;

/// <summary>
/// The verify step, a decorator of the answer stage: the inner stage's answer (whole, or the last update of a stream,
/// whose pieces pass through as written) is checked claim by claim (<see cref="GroundingVerifier"/>) before it is
/// returned. With a sampler (a model answerer at temperature 0.3) and <see cref="GroundingOptions.Samples"/> above 0,
/// that many samples are written alongside the answer for the self-consistency check.
/// </summary>
internal sealed class VerifyingAnswerGenerator(IAnswerGenerator inner, GroundingVerifier verifier, GroundingJudge? judge = null, IAnswerGenerator? sampler = null)
    : DelegatingAnswerGenerator(inner), IWarmsUp
{
    public override async Task<GeneratedAnswer> GenerateAsync(string question, IReadOnlyList<ScoredChunk> evidence, CancellationToken cancellationToken)
    {
        var samples = StartSamples(question, evidence, cancellationToken);
        var answer = await Inner.GenerateAsync(question, evidence, cancellationToken).ConfigureAwait(false);
        return await verifier.VerifyAsync(answer, evidence, judge, await SamplesAsync(samples, answer).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    public override async IAsyncEnumerable<AnswerUpdate> GenerateStreamingAsync(string question, IReadOnlyList<ScoredChunk> evidence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var samples = StartSamples(question, evidence, cancellationToken);
        await foreach (var update in Inner.GenerateStreamingAsync(question, evidence, cancellationToken).ConfigureAwait(false))
        {
            yield return update.Answer is { } answer
                ? AnswerUpdate.Final(await verifier.VerifyAsync(answer, evidence, judge, await SamplesAsync(samples, answer).ConfigureAwait(false), cancellationToken).ConfigureAwait(false))
                : update;
        }
    }

    void IWarmsUp.BeginWarmUp() => (Inner as IWarmsUp)?.BeginWarmUp();

    // The samples run while the answer is written; none for an empty evidence list (the answer abstains without a model).
    private Task<GeneratedAnswer[]>? StartSamples(string question, IReadOnlyList<ScoredChunk> evidence, CancellationToken cancellationToken) =>
        sampler is null || verifier.Options.Samples == 0 || evidence.Count == 0
            ? null
            : Task.WhenAll(Enumerable.Range(0, verifier.Options.Samples).Select(_ => sampler.GenerateAsync(question, evidence, cancellationToken)));

    // An abstention needs no samples; a failed sample leaves the check without them rather than failing the answer.
    private static async Task<IReadOnlyList<GeneratedAnswer>?> SamplesAsync(Task<GeneratedAnswer[]>? samples, GeneratedAnswer answer)
    {
        if (samples is null)
        {
            return null;
        }

        try
        {
            var written = await samples.ConfigureAwait(false);
            return answer.Abstained ? null : written;
        }
        catch (Exception) when (!samples.IsCanceled)
        {
            return null;
        }
    }
}
