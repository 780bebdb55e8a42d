using System.Runtime.CompilerServices;
using Grounded.Gateway.Context;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Cache;

/// <summary>
/// The mechanics every answer cache shares: which requests may be served from cache (<see cref="CacheKeys.BypassReason"/>),
/// serving a hit whole or as a stream without calling the provider, recording the outcome and the saving on the request's
/// <see cref="GatewayContext"/>, and storing what the provider wrote (text answers only). Subclasses say how a hit is
/// found and kept. A cache that fails is a miss, never a failed request.
/// </summary>
public abstract class AnswerCacheChatClient : DelegatingChatClient
{
    /// <summary>Wraps <paramref name="inner"/>.</summary>
    protected AnswerCacheChatClient(IChatClient inner, CacheOptions options)
        : base(inner)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <summary>Gets the cache settings.</summary>
    protected CacheOptions Options { get; }

    /// <summary>Gets the outcome a hit records (<c>exact</c> or <c>semantic</c>).</summary>
    protected abstract string HitOutcome { get; }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        var context = GatewayContext.Of(options);
        if (!await EligibleAsync(list, options, context, cancellationToken).ConfigureAwait(false))
        {
            return await base.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
        }

        if (await SafeFindAsync(list, options, cancellationToken).ConfigureAwait(false) is { } hit)
        {
            context?.ServedFromCache(HitOutcome, hit.Model, hit.Cost);
            return hit.ToResponse();
        }

        var before = context?.Cost ?? 0;
        var response = await base.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
        await SafeStoreAsync(list, options, response, context, before, cancellationToken).ConfigureAwait(false);
        return response;
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        var context = GatewayContext.Of(options);
        var eligible = await EligibleAsync(list, options, context, cancellationToken).ConfigureAwait(false);
        if (eligible && await SafeFindAsync(list, options, cancellationToken).ConfigureAwait(false) is { } hit)
        {
            context?.ServedFromCache(HitOutcome, hit.Model, hit.Cost);
            await foreach (var update in hit.ToUpdates().WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                yield return update;
            }

            yield break;
        }

        var before = context?.Cost ?? 0;
        var updates = eligible ? new List<ChatResponseUpdate>() : null;
        await foreach (var update in base.GetStreamingResponseAsync(list, options, cancellationToken).ConfigureAwait(false))
        {
            updates?.Add(update);
            yield return update;
        }

        if (updates is not null)
        {
            await SafeStoreAsync(list, options, updates.ToChatResponse(), context, before, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Returns the cached answer for the request, or null.</summary>
    protected abstract Task<CachedAnswer?> FindAsync(IList<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken);

    /// <summary>Keeps <paramref name="answer"/> as the request's answer.</summary>
    protected abstract Task StoreAsync(IList<ChatMessage> messages, ChatOptions? options, CachedAnswer answer, CancellationToken cancellationToken);

    /// <summary>Returns whether this cache may serve the request at all (beyond the shared rules); the default is true.</summary>
    protected virtual bool Serves(IList<ChatMessage> messages, ChatOptions? options) => true;

    /// <summary>Called when a lookup or a store fails (the request goes on as a miss); the default does nothing.</summary>
    protected virtual void OnFailure(Exception error)
    {
    }

    private ValueTask<bool> EligibleAsync(IList<ChatMessage> messages, ChatOptions? options, GatewayContext? context, CancellationToken cancellationToken)
    {
        _ = cancellationToken;
        if (CacheKeys.BypassReason(options, Options) is not null || !Serves(messages, options))
        {
            if (context is not null)
            {
                context.CacheOutcome ??= CacheOutcomes.Bypass;
            }

            return ValueTask.FromResult(false);
        }

        if (context is not null && context.CacheOutcome is null or CacheOutcomes.Bypass)
        {
            context.CacheOutcome = CacheOutcomes.Miss;
        }

        return ValueTask.FromResult(true);
    }

    private async Task<CachedAnswer?> SafeFindAsync(IList<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
    {
        try
        {
            return await FindAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            OnFailure(error);
            return null;
        }
    }

    private async Task SafeStoreAsync(IList<ChatMessage> messages, ChatOptions? options, ChatResponse response, GatewayContext? context, decimal before, CancellationToken cancellationToken)
    {
        if (context?.CacheOutcome is CacheOutcomes.Exact or CacheOutcomes.Semantic)
        {
            return; // an inner cache answered: storing its answer again would reset its age and record no saving
        }

        var text = CacheKeys.SemanticText(messages, options).Text;
        if (CachedAnswer.From(response, context?.ServedBy ?? response.ModelId, (context?.Cost ?? 0) - before, text) is not { } answer)
        {
            return;
        }

        try
        {
            await StoreAsync(messages, options, answer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            OnFailure(error);
        }
    }
}
