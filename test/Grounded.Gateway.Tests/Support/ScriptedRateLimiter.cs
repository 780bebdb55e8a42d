using Grounded.Access;

namespace Grounded.Gateway.Tests.Support;

/// <summary>A primary limiter whose answer, failure and timing a test sets; it counts the calls it gets.</summary>
internal sealed class ScriptedRateLimiter : IRateLimiter
{
    private int _calls;

    /// <summary>Gets or sets what every call throws; null to answer.</summary>
    public Exception? Failure { get; set; }

    /// <summary>Gets or sets what an acquire answers.</summary>
    public RateDecision Decision { get; set; } = new(true, 42, TimeSpan.Zero);

    /// <summary>Gets or sets a task calls wait for before they answer or throw; null to answer at once.</summary>
    public Task? Gate { get; set; }

    public int Calls => Volatile.Read(ref _calls);

    public async ValueTask<RateDecision> AcquireAsync(string key, RateLimit limit, long cost, CancellationToken cancellationToken)
    {
        await Enter().ConfigureAwait(false);
        return Decision;
    }

    public async ValueTask DebitAsync(string key, RateLimit limit, long cost, CancellationToken cancellationToken) => await Enter().ConfigureAwait(false);

    private async Task Enter()
    {
        Interlocked.Increment(ref _calls);
        if (Gate is { } gate)
        {
            await gate.ConfigureAwait(false);
        }

        if (Failure is { } failure)
        {
            throw failure;
        }
    }
}
