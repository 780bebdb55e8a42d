using Grounded.Hosting;

namespace Grounded.Server.Lifecycle;

/// <summary>
/// The options the server runs with now: those it started with, and the settings a config reload applied since
/// (<see cref="ConfigReloadService"/>). Only what can change at runtime is read from here; the rest of the server keeps its
/// start-up options.
/// </summary>
internal sealed class RunningConfig(GroundedOptions options) : IDisposable
{
    private volatile GroundedOptions _current = options;
    private volatile CancellationTokenSource _changed = new();

    /// <summary>Gets the options now.</summary>
    public GroundedOptions Current => _current;

    /// <summary>Gets a token that fires at the next change (read it again after it fired).</summary>
    public CancellationToken Changed => _changed.Token;

    /// <summary>Makes <paramref name="options"/> current and tells those waiting on <see cref="Changed"/>.</summary>
    public void Apply(GroundedOptions options)
    {
        _current = options;
        Interlocked.Exchange(ref _changed, new CancellationTokenSource()).Cancel(); // not disposed: a reader may still hold its token
    }

    public void Dispose() => _changed.Dispose();
}
