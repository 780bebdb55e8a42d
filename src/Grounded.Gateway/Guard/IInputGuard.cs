using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Guard;

/// <summary>One input guard: checks (and may rewrite) a request before its provider is called.</summary>
internal interface IInputGuard
{
    /// <summary>Checks <paramref name="check"/>; <paramref name="models"/> reaches the configured models past the guards (moderation).</summary>
    ValueTask<GuardVerdict> CheckAsync(InputCheck check, IChatClient models, CancellationToken cancellationToken);
}
