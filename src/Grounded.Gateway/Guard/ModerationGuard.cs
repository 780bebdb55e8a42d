using Grounded.Gateway.Context;
using Grounded.Gateway.Cache;
using Grounded.Gateway.Failures;
using Grounded.Guards;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Guard;

/// <summary>
/// Moderation with a configured model: the text is classified against the versioned policy prompt
/// (<see cref="ModerationPolicy"/>) and its categories, verdicts are cached by hash, and a model that cannot answer (down,
/// or an answer that is neither <c>safe</c> nor <c>unsafe: …</c>) fails open (flagged, let through) or closed (503).
/// It reads the request after the PII guard has rewritten it, so a moderation provider sees no more than the answering one.
/// </summary>
internal sealed class ModerationGuard(ModerationGuardOptions options, ModerationVerdicts verdicts) : IInputGuard
{
    private readonly IReadOnlyList<string> _categories = options.Categories ?? ModerationPolicy.Categories;

    public ModerationGuardOptions Options => options;

    public async ValueTask<GuardVerdict> CheckAsync(InputCheck check, IChatClient models, CancellationToken cancellationToken) =>
        check.LastUserText() is { Length: > 0 } text
            ? await CheckTextAsync(text, models, GatewayContext.Of(check.Options), cancellationToken).ConfigureAwait(false)
            : GuardVerdict.Allow(GuardNames.Moderation, "nothing to check");

    /// <summary>Classifies one text (a request's, or a whole answer); the call's tokens and cost are added to <paramref name="request"/>'s.</summary>
    public async ValueTask<GuardVerdict> CheckTextAsync(string text, IChatClient models, GatewayContext? request, CancellationToken cancellationToken)
    {
        var key = ModerationVerdicts.Key(options.Model, text, _categories);
        if (!verdicts.TryGet(key, out var flagged))
        {
            try
            {
                // Its own context, so the classification is counted (usage, cost: budgets and the ledger see it) without
                // becoming the model that served the request.
                var own = new GatewayContext("moderation", request?.RequestId) { Identity = request?.Identity, EndUser = request?.EndUser };
                ChatResponse response;
                try
                {
                    response = await models.GetResponseAsync(Prompt(text), own.AttachTo(Request()), cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    if (request is not null && own.Usage is { } usage)
                    {
                        request.AddUsage(usage, own.Cost);
                    }
                }

                flagged = ModerationPolicy.Parse(response.Text, _categories) ?? throw new FormatException("the moderation model's answer is neither 'safe' nor 'unsafe: CATEGORIES'");
            }
            catch (Exception e) when (e is GatewayException or HttpRequestException or FormatException or TimeoutException
                                       || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                var reason = $"{ModerationPolicy.Version}: model unavailable, failed {(options.FailClosed ? "closed" : "open")}";
                return options.FailClosed
                    ? new GuardVerdict(new GuardDecision(GuardNames.Moderation, GuardActions.Block, reason, [])) { Failure = new GuardUnavailableException(GuardNames.Moderation, e) }
                    : new GuardVerdict(new GuardDecision(GuardNames.Moderation, GuardActions.Flag, reason, []));
            }

            verdicts.Add(key, flagged);
        }

        if (flagged.Count == 0)
        {
            return GuardVerdict.Allow(GuardNames.Moderation, $"{ModerationPolicy.Version}: safe");
        }

        var decision = new GuardDecision(GuardNames.Moderation, options.Mode == GuardMode.Block ? GuardActions.Block : GuardActions.Flag,
            $"{ModerationPolicy.Version}: {string.Join(", ", flagged)}", [new GuardSpan(0, text.Length, "moderation")]);
        return options.Mode == GuardMode.Block ? new GuardVerdict(decision) { Failure = new GuardBlockedException(GuardNames.Moderation) } : new GuardVerdict(decision);
    }

    private List<ChatMessage> Prompt(string text) =>
        [new(ChatRole.System, ModerationPolicy.Prompt(_categories)), new(ChatRole.User, $"<text>\n{text}\n</text>")];

    // The classifier's own call: short, deterministic, past the guards, and never answered from the answer cache.
    private ChatOptions Request() => new()
    {
        ModelId = options.Model,
        Temperature = 0,
        MaxOutputTokens = 32,
        AdditionalProperties = new() { [CacheKeys.NoCacheKey] = false, [GuardPipeline.BypassKey] = true },
    };
}
