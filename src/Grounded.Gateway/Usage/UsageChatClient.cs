using System.Runtime.CompilerServices;
using System.Text;
using Grounded.Gateway.Config;
using Grounded.Gateway.Context;
using Grounded.Gateway.Providers;
using Grounded.Gateway.Tokens;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Usage;

/// <summary>
/// Every answer of one model carries its usage: the provider's when it reported it, else counted here, once, with the
/// model's encoding (a stream without usage gets a last update carrying it). The usage and its cost at the model's
/// prices are added to the request's <see cref="GatewayContext"/>.
/// </summary>
internal sealed class UsageChatClient(IChatClient inner, ModelOptions model, PromptTokenCounter tokens) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        var response = await base.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
        response.Usage = Complete(response.Usage, list, () => Completion(response.Messages.SelectMany(m => m.Contents)));
        Record(options, response.Usage);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        UsageContent? reported = null;
        var written = new List<AIContent>();
        var started = false;
        var recorded = false;
        try
        {
            await foreach (var update in base.GetStreamingResponseAsync(list, options, cancellationToken).ConfigureAwait(false))
            {
                started = true;
                foreach (var content in update.Contents)
                {
                    if (content is UsageContent usage)
                    {
                        reported = usage;
                    }
                    else
                    {
                        written.Add(content);
                    }
                }

                yield return update;
            }

            var complete = Complete(reported?.Details, list, () => Completion(written));
            Record(options, complete);
            recorded = true;
            if (reported is null)
            {
                yield return new ChatResponseUpdate { Role = ChatRole.Assistant, Contents = [new UsageContent(complete)] };
            }
            else
            {
                reported.Details = complete;
            }
        }
        finally
        {
            // A stream left before its end (an output guard blocked it, the client went away, it broke) was still written
            // and billed up to there: its prompt and what came of the answer are counted, so budgets and the ledger see it.
            if (started && !recorded)
            {
                Record(options, Complete(reported?.Details, list, () => Completion(written)));
            }
        }
    }

    private UsageDetails Complete(UsageDetails? usage, IList<ChatMessage> prompt, Func<long> completion)
    {
        usage ??= new UsageDetails();
        usage.InputTokenCount ??= tokens.Count(prompt);
        usage.OutputTokenCount ??= completion();
        usage.TotalTokenCount ??= usage.InputTokenCount + usage.OutputTokenCount;
        return usage;
    }

    private long Completion(IEnumerable<AIContent> contents)
    {
        var text = new StringBuilder();
        foreach (var content in contents)
        {
            _ = content switch
            {
                TextContent t => text.Append(t.Text),
                FunctionCallContent { } call when !FunctionCallDeltaContent.WasStreamed(call) => text.Append(call.Name).Append(ToolCallArguments.Text(call)),
                FunctionCallDeltaContent delta => text.Append(delta.Name).Append(delta.ArgumentsDelta),
                _ => text,
            };
        }

        return tokens.Count(text.ToString());
    }

    private void Record(ChatOptions? options, UsageDetails usage) => GatewayContext.Of(options)?.AddUsage(usage, model.Cost(usage.InputTokenCount ?? 0, usage.OutputTokenCount ?? 0, usage.CachedInputTokenCount ?? 0));
}
