using System.Runtime.CompilerServices;
using Grounded.Gateway.Context;
using Grounded.Guards.Pii;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Guard;

/// <summary>
/// The input guards of the request's model or route (<see cref="GuardPipeline"/>), before anything is sent: a refused
/// request throws (400, or 503 for a guard that fails closed) and the provider is never called; an off-topic one is
/// answered with the polite refusal (finish reason <c>content_filter</c>); a pseudonymized one has its answer
/// re-identified on the way back, whole or streamed (<see cref="PlaceholderRestorer"/>).
/// </summary>
internal sealed class InputGuardChatClient(IChatClient inner, GuardPipelines pipelines, GuardRecorder recorder) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (GuardPipeline.Bypassed(options) || pipelines.For(options?.ModelId) is not { } pipeline)
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }

        var check = new InputCheck(messages as IList<ChatMessage> ?? messages.ToList(), options);
        if (await RunAsync(pipeline, check, options, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            return new ChatResponse(new ChatMessage(ChatRole.Assistant, refusal)) { FinishReason = ChatFinishReason.ContentFilter, ModelId = options?.ModelId };
        }

        var response = await base.GetResponseAsync(check.Messages, check.Options, cancellationToken).ConfigureAwait(false);
        return check.Vault is { Count: > 0 } vault ? GuardText.MapText(response, vault.Restore) : response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (GuardPipeline.Bypassed(options) || pipelines.For(options?.ModelId) is not { } pipeline)
        {
            await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
            {
                yield return update;
            }

            yield break;
        }

        var check = new InputCheck(messages as IList<ChatMessage> ?? messages.ToList(), options);
        if (await RunAsync(pipeline, check, options, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, refusal) { ModelId = options?.ModelId };
            yield return new ChatResponseUpdate { Role = ChatRole.Assistant, FinishReason = ChatFinishReason.ContentFilter, ModelId = options?.ModelId };
            yield break;
        }

        var restorer = check.Vault is { Count: > 0 } vault ? new PlaceholderRestorer(vault) : null;
        await foreach (var update in base.GetStreamingResponseAsync(check.Messages, check.Options, cancellationToken).ConfigureAwait(false))
        {
            if (restorer is null)
            {
                yield return update;
                continue;
            }

            // What is held back goes out with the piece that ends the answer, before its finish reason.
            var text = restorer.Push(GuardText.Of(update));
            if (update.FinishReason is not null)
            {
                text += restorer.Flush();
            }

            if (text.Length > 0 || update.Contents.Any(c => c is not TextContent) || update.FinishReason is not null)
            {
                yield return GuardText.WithText(update, text);
            }
        }

        if (restorer?.Flush() is { Length: > 0 } rest)
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, rest);
        }
    }

    private async Task<string?> RunAsync(GuardPipeline pipeline, InputCheck check, ChatOptions? options, CancellationToken cancellationToken)
    {
        var context = GatewayContext.Of(options);
        var before = context?.SentQuestion is null ? check.LastUserText() : null;
        var refusal = await pipeline.RunInputAsync(check, InnerClient, d => recorder.Record(context, "input", options?.ModelId, d), enforce: true, cancellationToken).ConfigureAwait(false);
        // The request's first model call is its answer's (a judge's or sampler's calls come after): its question as the provider saw it.
        if (before is not null && check.LastUserText() is { } after && !string.Equals(before, after, StringComparison.Ordinal))
        {
            context!.SentQuestion = after;
        }

        return refusal;
    }
}
