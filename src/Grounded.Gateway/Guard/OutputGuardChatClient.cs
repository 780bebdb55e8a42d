using System.Runtime.CompilerServices;
using System.Text;
using Grounded.Gateway.Context;
using Grounded.Guards;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Guard;

/// <summary>
/// The output guards of the request's model or route (<see cref="GuardPipeline"/>), on the answer before it leaves: JSON
/// schema (with one repair), moderation, the toxicity lexicon, the PII scrub, and the refusal count. A blocked answer is
/// withheld: an empty message with finish reason <c>content_filter</c>. A stream is checked a sentence at a time
/// (<see cref="SentenceHoldback"/>): what passed is sent, a blocked sentence ends the stream with <c>content_filter</c>;
/// moderation and the schema judge a stream once it has ended (nothing can be recalled: a schema failure then ends the
/// stream with an error event).
/// </summary>
internal sealed class OutputGuardChatClient(IChatClient inner, GuardPipelines pipelines, GuardRecorder recorder) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (GuardPipeline.Bypassed(options) || pipelines.For(options?.ModelId) is not { } pipeline)
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }

        var list = messages as IList<ChatMessage> ?? messages.ToList();
        var record = Recorder(options);
        var response = await base.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
        if (pipeline.Schema is { } schema && SchemaGuard.SchemaOf(options) is { } json)
        {
            response = await schema.CheckAsync(response, json, list, options!, InnerClient, record, cancellationToken).ConfigureAwait(false);
        }

        if (pipeline.Moderation is { Options.Output: true } moderation && response.Text is { Length: > 0 } text)
        {
            var verdict = await moderation.CheckTextAsync(text, InnerClient, GatewayContext.Of(options), cancellationToken).ConfigureAwait(false);
            record(verdict.Decision);
            if (verdict.Decision.Action == GuardActions.Block)
            {
                return Withheld(response);
            }
        }

        if (pipeline.Toxicity is { Options.Output: true } toxicity)
        {
            var spans = new List<GuardSpan>();
            GuardDecision? found = null;
            response = GuardText.MapText(response, piece =>
            {
                var (masked, decision) = toxicity.CheckOutput(piece);
                found ??= decision;
                spans.AddRange(decision?.Spans ?? []);
                return masked;
            });
            record(found is null ? GuardVerdict.Allow(GuardNames.Toxicity, "none found").Decision : found with { Spans = spans });
            if (found?.Action == GuardActions.Block)
            {
                return Withheld(response);
            }
        }

        if (pipeline.Pii is { } pii && pipeline.Policy.Pii!.Output)
        {
            var spans = new List<GuardSpan>();
            response = GuardText.MapText(response, piece =>
            {
                var (scrubbed, found) = pii.Scrub(piece);
                spans.AddRange(found);
                return scrubbed;
            });
            record(spans.Count == 0 ? GuardVerdict.Allow(GuardNames.Pii, "none found").Decision : new GuardDecision(GuardNames.Pii, pii.OutputAction, GuardReasons.Counts(spans), spans));
        }

        if (RefusalDetector.Check(response.Text) is { } refusal)
        {
            record(refusal);
        }

        return response;
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

        var record = Recorder(options);
        var schema = pipeline.Schema is null ? null : SchemaGuard.SchemaOf(options);
        var moderation = pipeline.Moderation is { Options.Output: true } m ? m : null;
        var whole = schema is not null || moderation is not null ? new StringBuilder() : null;
        var start = new StringBuilder();
        var pieces = pipeline.ChecksPieces ? new StreamedOutputCheck(pipeline) : null;
        ChatResponseUpdate? finish = null;
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            var text = GuardText.Of(update);
            whole?.Append(text);
            if (start.Length < RefusalDetector.Window)
            {
                start.Append(text);
            }

            var last = update.FinishReason is not null;

            if (pieces is not null)
            {
                var ready = pieces.Holdback.Push(text);
                if (last || update.Contents.Any(c => c is not TextContent))
                {
                    ready += pieces.Holdback.Flush();
                }

                var (checkedText, blocked) = pieces.Check(ready, record);
                if (blocked is not null)
                {
                    record(blocked);
                    yield return Filtered(options);
                    yield break;
                }

                text = checkedText;
            }

            var sent = GuardText.WithText(update, text);
            if (last)
            {
                // The finish reason (and the usage, which comes with it) waits for the checks made at the end; the rest goes out now.
                finish = new ChatResponseUpdate(update.Role ?? ChatRole.Assistant, [.. sent.Contents.OfType<UsageContent>()])
                {
                    FinishReason = update.FinishReason, ModelId = update.ModelId, ResponseId = update.ResponseId, AdditionalProperties = update.AdditionalProperties,
                };
                sent.FinishReason = null;
                sent.Contents = [.. sent.Contents.Where(c => c is not UsageContent)];
            }

            if (sent.Contents.Any(c => c is not TextContent t || t.Text.Length > 0))
            {
                yield return sent;
            }
        }

        if (pieces is not null)
        {
            var (rest, blocked) = pieces.Check(pieces.Holdback.Flush(), record);
            if (blocked is not null)
            {
                record(blocked);
                yield return Filtered(options);
                yield break;
            }

            if (rest.Length > 0)
            {
                yield return new ChatResponseUpdate(ChatRole.Assistant, rest);
            }

            pieces.RecordTotals(record);
        }

        if (schema is { } json)
        {
            SchemaGuard.CheckStreamed(whole!.ToString(), json, options, record);
        }

        finish ??= new ChatResponseUpdate { Role = ChatRole.Assistant, FinishReason = ChatFinishReason.Stop };
        if (moderation is not null && whole!.Length > 0)
        {
            var verdict = await moderation.CheckTextAsync(whole.ToString(), InnerClient, GatewayContext.Of(options), cancellationToken).ConfigureAwait(false);
            record(verdict.Decision);
            if (verdict.Decision.Action == GuardActions.Block)
            {
                finish.FinishReason = ChatFinishReason.ContentFilter;
            }
        }

        if (RefusalDetector.Check(start.ToString()) is { } refusal)
        {
            record(refusal);
        }

        yield return finish;
    }

    private static ChatResponse Withheld(ChatResponse response) =>
        new(new ChatMessage(ChatRole.Assistant, string.Empty)) { FinishReason = ChatFinishReason.ContentFilter, Usage = response.Usage, ModelId = response.ModelId, ResponseId = response.ResponseId };

    private static ChatResponseUpdate Filtered(ChatOptions? options) =>
        new() { Role = ChatRole.Assistant, FinishReason = ChatFinishReason.ContentFilter, ModelId = options?.ModelId };

    private Action<GuardDecision> Recorder(ChatOptions? options)
    {
        var context = GatewayContext.Of(options);
        return d => recorder.Record(context, "output", options?.ModelId, d);
    }
}
