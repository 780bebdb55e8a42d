namespace Grounded.Gateway.Failures;

/// <summary>
/// A budget refused the request before any provider call: 429 (<c>budget_exceeded</c>) while the period's money is spent or held by
/// requests in flight, with <see cref="GatewayException.RetryAfter"/> until the period resets (or a moment, when requests in flight
/// hold it); 400 (<c>request_exceeds_budget</c>) for a request that can never fit, more tokens than a request may use or a cost above
/// the whole period's budget, which waiting would not change.
/// </summary>
public sealed class BudgetExceededException : GatewayException
{
    /// <summary>Creates the failure; <paramref name="retryable"/> says whether waiting can help (429) or not (400).</summary>
    public BudgetExceededException(string message, bool retryable)
        : base(message)
    {
        Retryable = retryable;
        Code = retryable ? "budget_exceeded" : "request_exceeds_budget";
    }

    /// <summary>Gets whether the same request can succeed later (429), or never will as it is (400).</summary>
    public bool Retryable { get; }

    /// <summary>Gets who the refusing budget is for, as the message names it, e.g. <c>tenant 'acme'</c>.</summary>
    public string? Budget { get; init; }

    /// <summary>Gets when the refusing period resets, for a refusal by a daily or monthly budget.</summary>
    public DateTimeOffset? ResetsAt { get; init; }

    /// <inheritdoc />
    public override int Status => Retryable ? 429 : 400;

    /// <inheritdoc />
    public override string Type => Retryable ? "insufficient_quota" : "invalid_request_error";
}
