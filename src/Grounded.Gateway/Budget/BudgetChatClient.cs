using System.Runtime.CompilerServices;
using System.Text;
using Grounded.Budgets;
using Grounded.Gateway.Config;
using Grounded.Gateway.Context;
using Grounded.Gateway.Providers;
using Grounded.Gateway.Tokens;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Budget;

/// <summary>
/// Budgets, before the call: the request's most possible cost (<see cref="CostEstimate"/>) is reserved on the counter of every budget
/// and period it is under (tenant, key, end user; day, month), all or none; a refusal releases the others and fails the request.
/// After the call, whole or streamed, finished, failed or abandoned, each reservation is replaced with the actual cost the request's
/// <see cref="GatewayContext"/> recorded (for a stream cut short, the prompt and the output written so far).
/// </summary>
internal sealed class BudgetChatClient(IChatClient inner, BudgetRules rules, IBudgetStore store, GatewayOptions gateway, TimeProvider time, PromptTokenCounter tokens)
    : DelegatingChatClient(inner)
{
    private static readonly BudgetPeriod[] Periods = [BudgetPeriod.Day, BudgetPeriod.Month];

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        var (context, attached) = Attach(options);
        var hold = await ReserveAsync(context, list, attached, cancellationToken).ConfigureAwait(false);
        if (hold is null)
        {
            return await base.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
        }

        var before = context.Cost;
        try
        {
            return await base.GetResponseAsync(list, attached, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await SettleAsync(hold.Value.Reservations, context.Cost - before).ConfigureAwait(false);
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        var (context, attached) = Attach(options);
        var hold = await ReserveAsync(context, list, attached, cancellationToken).ConfigureAwait(false);
        if (hold is not { } held)
        {
            await foreach (var update in base.GetStreamingResponseAsync(list, options, cancellationToken).ConfigureAwait(false))
            {
                yield return update;
            }

            yield break;
        }

        var before = context.Cost;
        var written = new StringBuilder();
        var started = false;
        var finished = false;
        try
        {
            await foreach (var update in base.GetStreamingResponseAsync(list, attached, cancellationToken).ConfigureAwait(false))
            {
                started = true;
                Append(written, update.Contents);
                yield return update;
            }

            finished = true;
        }
        finally
        {
            // The usage stage records the cost when a stream ends; one cut short recorded nothing, but its prompt was read and its
            // output written (and billed): the budget is charged what was sent so far.
            var actual = context.Cost - before;
            if (!finished && actual == 0 && started)
            {
                actual = held.Estimate.Partial(tokens.Count(written.ToString()), context.ServedBy is { } served ? gateway.Find(served) : null);
            }

            await SettleAsync(held.Reservations, actual).ConfigureAwait(false);
        }
    }

    // A request without a context (a library caller) gets one, so that its identity (none: the local default) and cost are known.
    private static (GatewayContext Context, ChatOptions Options) Attach(ChatOptions? options)
    {
        if (GatewayContext.Of(options) is { } context)
        {
            return (context, options!);
        }

        var fresh = new GatewayContext("chat");
        return (fresh, fresh.AttachTo(options?.Clone()));
    }

    private static void Append(StringBuilder written, IList<AIContent> contents)
    {
        foreach (var content in contents)
        {
            _ = content switch
            {
                TextContent t => written.Append(t.Text),
                FunctionCallDeltaContent delta => written.Append(delta.Name).Append(delta.ArgumentsDelta),
                FunctionCallContent call when !FunctionCallDeltaContent.WasStreamed(call) => written.Append(call.Name).Append(ToolCallArguments.Text(call)),
                _ => written,
            };
        }
    }

    // Null when no budget applies; else every counter holds the estimate (a refusal or failure has released the others and thrown).
    private async Task<(CostEstimate Estimate, IReadOnlyList<BudgetReservation> Reservations)?> ReserveAsync(
        GatewayContext context, IList<ChatMessage> messages, ChatOptions options, CancellationToken cancellationToken)
    {
        var budgets = rules.For(context);
        if (budgets.Count == 0)
        {
            return null;
        }

        var estimate = CostEstimate.Of(gateway, options, tokens.Count(messages));
        var now = time.GetUtcNow();
        var counters = new List<(string Budget, BudgetPeriod Period, BudgetCounter Counter)>();
        foreach (var (budget, name) in budgets)
        {
            var who = BudgetOptions.Describe(budget.Scope, name);
            if (budget.MaxTokensPerRequest is { } max && estimate.Tokens > max)
            {
                throw BudgetRefusals.TooManyTokens(who, max, estimate);
            }

            foreach (var period in Periods)
            {
                if (period.Limit(budget) is { } limit)
                {
                    counters.Add(estimate.Amount <= limit
                        ? (who, period, new BudgetCounter($"{budget.Scope.ToString().ToLowerInvariant()}:{name}:{period.Id(now)}", limit, period.ResetsAt(now)))
                        : throw BudgetRefusals.CostsMoreThanTheBudget(who, period, limit, estimate));
                }
            }
        }

        // Asked at once (pipelined to Redis); all or none are kept.
        var asked = counters.Select(c => store.ReserveAsync(c.Counter, estimate.Amount, cancellationToken).AsTask()).ToArray();
        try
        {
            await Task.WhenAll(asked).ConfigureAwait(false);
        }
        catch
        {
            await SettleAsync([.. asked.Where(t => t.IsCompletedSuccessfully && t.Result.Allowed).Select(t => t.Result.Reservation!)], 0).ConfigureAwait(false);
            throw;
        }

        var decisions = asked.Select(t => t.Result).ToList();
        var refused = decisions.FindIndex(d => !d.Allowed);
        if (refused >= 0)
        {
            await SettleAsync([.. decisions.Where(d => d.Allowed).Select(d => d.Reservation!)], 0).ConfigureAwait(false);
            var (who, period, counter) = counters[refused];
            throw BudgetRefusals.Spent(who, period, counter, decisions[refused], estimate.Amount, now);
        }

        return (estimate, [.. decisions.Select(d => d.Reservation!)]);
    }

    // Settled whatever became of the request (the caller may have gone): never with the request's cancellation.
    private async Task SettleAsync(IReadOnlyList<BudgetReservation> reservations, decimal actual)
    {
        var cost = Math.Max(0, actual);
        await Task.WhenAll(reservations.Select(r => store.SettleAsync(r, cost, CancellationToken.None).AsTask())).ConfigureAwait(false);
    }
}
