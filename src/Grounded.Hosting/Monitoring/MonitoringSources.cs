using Grounded.Access;
using Grounded.Feedback;
using Grounded.Usage;

namespace Grounded.Hosting.Monitoring;

/// <summary>Where monitoring reads from: the usage ledger, the query log and feedback (all three the access store's, shared by replicas).</summary>
/// <param name="Ledger">Opens the usage ledger.</param>
/// <param name="QueryLog">Opens the query log.</param>
/// <param name="Feedback">Opens the feedback store.</param>
public sealed record MonitoringSources(
    Func<CancellationToken, Task<IUsageLedger>> Ledger,
    Func<CancellationToken, Task<IQueryLog>> QueryLog,
    Func<CancellationToken, Task<IFeedbackStore>> Feedback)
{
    /// <summary>Returns the sources of one access store.</summary>
    public static MonitoringSources Of(Func<CancellationToken, Task<IAccessStore>> access) =>
        new(async ct => await access(ct).ConfigureAwait(false), async ct => await access(ct).ConfigureAwait(false), async ct => await access(ct).ConfigureAwait(false));
}
