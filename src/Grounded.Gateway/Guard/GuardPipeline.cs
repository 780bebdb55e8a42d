using Grounded.Guards;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Guard;

/// <summary>
/// One policy's guards, built once, and the order they run in within each stage, written here once. The gateway's stage
/// order (input guards, then output guards) is <c>GatewayBuilder</c>'s; inside the input stage the order matters too:
/// <code>
/// input:  tools → injection → topic → toxicity → pii → moderation
/// output: schema (repair) → moderation → toxicity → pii scrub → refusal count
/// </code>
/// The cheap checks that refuse without reading text go first; the local checks read the request as sent (they never
/// leave the process); PII rewrites it next, so that moderation, the one check that sends text to a model, sends the
/// redacted text. On the way out, the schema guard may replace the answer (repair), so it goes before anything reads it;
/// the PII scrub goes last so that nothing after it sees more than the caller will.
/// </summary>
internal sealed class GuardPipeline
{
    /// <summary>A request option (true) that makes the guards let a call through unchecked: the guards' own model calls (moderation).</summary>
    public const string BypassKey = "grounded.guards.bypass";

    public GuardPipeline(GuardPolicy policy, GuardDependencies dependencies, ModerationVerdicts verdicts)
    {
        Policy = policy;
        Pii = policy.Pii is { } pii ? new PiiGuard(pii, dependencies.Pii) : null;
        Toxicity = policy.Toxicity is { } toxicity ? new ToxicityGuard(toxicity, ToxicityLexicon.Default) : null;
        Moderation = policy.Moderation is { } moderation ? new ModerationGuard(moderation, verdicts) : null;
        Schema = policy.Schema is { } schema ? new SchemaGuard(schema) : null;
        List<IInputGuard?> input =
        [
            policy.Tools is { } tools ? new ToolsGuard(tools) : null,
            policy.Injection is { } injection ? new InjectionGuard(injection, dependencies.Injection) : null,
            policy.Topics is { } topics ? new TopicGuard(topics, dependencies.Embedder ?? throw new ArgumentException("a topic policy needs an embedding model", nameof(dependencies))) : null,
            Toxicity is { Options.Input: true } ? Toxicity : null,
            Pii,
            Moderation is { Options.Input: true } ? Moderation : null,
        ];
        Input = [.. input.OfType<IInputGuard>()];
    }

    public GuardPolicy Policy { get; }

    /// <summary>Gets the input guards, in the order they run.</summary>
    public IReadOnlyList<IInputGuard> Input { get; }

    public PiiGuard? Pii { get; }

    public ToxicityGuard? Toxicity { get; }

    public ModerationGuard? Moderation { get; }

    public SchemaGuard? Schema { get; }

    /// <summary>Gets whether answers are checked a sentence at a time when streamed (toxicity, PII scrub).</summary>
    public bool ChecksPieces => Toxicity is { Options.Output: true } || Pii is { } && Policy.Pii!.Output;

    /// <summary>Returns whether a call must go through unchecked (see <see cref="BypassKey"/>).</summary>
    public static bool Bypassed(ChatOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(BypassKey, out var value) == true && value is true;

    /// <summary>
    /// Runs the input guards in order, recording each decision. Enforced (the gateway): the first refusal ends the run, as a
    /// failure thrown or a polite refusal returned. Not enforced (<c>grounded guard check</c>): every guard runs and nothing is thrown.
    /// </summary>
    public async Task<string?> RunInputAsync(InputCheck check, IChatClient models, Action<GuardDecision> record, bool enforce, CancellationToken cancellationToken)
    {
        foreach (var guard in Input)
        {
            var verdict = await guard.CheckAsync(check, models, cancellationToken).ConfigureAwait(false);
            record(verdict.Decision);
            if (enforce && verdict.Failure is { } failure)
            {
                throw failure;
            }

            if (enforce && verdict.Refusal is { } refusal)
            {
                return refusal;
            }
        }

        return null;
    }
}
