using Grounded.Guards;

namespace Grounded.Gateway.Guard;

/// <summary>What one guard decided, and how a request it refused ends: a failure to throw, or a polite refusal to answer with.</summary>
/// <param name="Decision">The decision, recorded whatever follows.</param>
internal sealed record GuardVerdict(GuardDecision Decision)
{
    /// <summary>Gets the failure the request ends with (enforced checks only), null when it goes on or is refused politely.</summary>
    public Exception? Failure { get; init; }

    /// <summary>Gets the assistant message the request is answered with instead of calling the provider.</summary>
    public string? Refusal { get; init; }

    /// <summary>Returns an <c>allow</c> verdict.</summary>
    public static GuardVerdict Allow(string guard, string reason) => new(new GuardDecision(guard, GuardActions.Allow, reason, []));
}
