using System.Globalization;
using Grounded.Budgets;
using Grounded.Gateway.Failures;

namespace Grounded.Gateway.Budget;

/// <summary>The messages of budget refusals: which budget, what was spent of what, and when it resets — or why waiting will not help.</summary>
internal static class BudgetRefusals
{
    // Requests in flight release what they hold within a call's time: worth retrying soon, not at the reset.
    private static readonly TimeSpan InFlightRetry = TimeSpan.FromSeconds(1);

    /// <summary>The request may use more tokens than the budget lets one request use (400: it never will fit as it is).</summary>
    public static BudgetExceededException TooManyTokens(string budget, long max, CostEstimate estimate)
    {
        var output = estimate.OutputLimitDefaulted
            ? $"up to {estimate.MaxOutputTokens} output tokens (the model's maxOutputTokens, as the request sets no output limit)"
            : $"up to {estimate.MaxOutputTokens} output tokens";
        var fix = estimate.PromptTokens >= max
            ? "shorten the prompt"
            : $"set max_tokens (max_output_tokens in the Responses API) to at most {max - estimate.PromptTokens}";
        return new BudgetExceededException(
            $"request exceeds budget: {budget} allows {max} tokens per request, and this request may use {estimate.Tokens} "
            + $"({estimate.PromptTokens} prompt tokens + {output}); {fix}", retryable: false) { Budget = budget };
    }

    /// <summary>The request may cost more than the period's whole budget (400: waiting for the reset will not help).</summary>
    public static BudgetExceededException CostsMoreThanTheBudget(string budget, BudgetPeriod period, decimal limit, CostEstimate estimate) => new(
        $"request exceeds budget: this request may cost up to {Usd(estimate.Amount)} ({estimate.PromptTokens} prompt tokens + up to {estimate.MaxOutputTokens} output tokens"
        + $"{(estimate.Model is { } model ? $" at model '{model}''s prices" : " at the highest configured prices")}), more than {budget}'s whole {Usd(limit)} {period.Adjective()} budget; "
        + "lower max_tokens (max_output_tokens in the Responses API) or shorten the prompt", retryable: false) { Budget = budget };

    /// <summary>The period's money is spent, or held by requests in flight (429, with when to retry).</summary>
    public static BudgetExceededException Spent(string budget, BudgetPeriod period, BudgetCounter counter, BudgetDecision decision, decimal amount, DateTimeOffset now)
    {
        var resets = counter.ResetsAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var spent = $"budget exceeded: {budget} has spent {Usd(decision.Spent)} of its {Usd(counter.Limit)} {period.Adjective()} budget";
        var inFlight = decision.Spent + amount <= counter.Limit;
        var message = inFlight
            ? $"{spent}, and requests in flight hold {Usd(decision.Reserved)} more, too much to add this request's {Usd(amount)}; try again when they finish (the budget resets at {resets})"
            : decision.Spent < counter.Limit
                ? $"{spent}, too little for this request's {Usd(amount)}; it resets at {resets}"
                : $"{spent}; it resets at {resets}";
        return new BudgetExceededException(message, retryable: true)
        {
            Budget = budget,
            ResetsAt = counter.ResetsAt,
            RetryAfter = inFlight ? InFlightRetry : counter.ResetsAt - now,
        };
    }

    /// <summary>Returns dollars as messages show them: cents, or the first digits of less than a cent.</summary>
    public static string Usd(decimal usd) =>
        "$" + (usd == 0 || Math.Abs(usd) >= 0.01m ? usd.ToString("0.00", CultureInfo.InvariantCulture) : usd.ToString("0.00####", CultureInfo.InvariantCulture));
}
