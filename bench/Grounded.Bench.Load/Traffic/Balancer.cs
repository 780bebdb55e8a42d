using Grounded.Bench.Load.Rig;

namespace Grounded.Bench.Load.Traffic;

/// <summary>
/// A load balancer in front of the replicas: round-robin over those in rotation. With health checks on, it polls every
/// replica's /readyz every 250 ms, as a load balancer's health check would, and sends nothing to one that is not ready.
/// </summary>
internal sealed class Balancer : IAsyncDisposable
{
    private readonly IReadOnlyList<Replica> _replicas;
    private readonly bool[] _inRotation;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _checks;
    private int _next;

    public Balancer(IReadOnlyList<Replica> replicas, bool healthChecks)
    {
        _replicas = replicas;
        _inRotation = [.. replicas.Select(_ => true)];
        _checks = healthChecks ? CheckAsync(_stop.Token) : Task.CompletedTask;
    }

    /// <summary>The next replica in rotation; when none is, the next one anyway (the client then sees the failure).</summary>
    public Replica Pick()
    {
        for (var tries = 0; tries < _replicas.Count; tries++)
        {
            var i = (int)((uint)Interlocked.Increment(ref _next) % (uint)_replicas.Count);
            if (Volatile.Read(ref _inRotation[i]))
            {
                return _replicas[i];
            }
        }

        return _replicas[(int)((uint)Interlocked.Increment(ref _next) % (uint)_replicas.Count)];
    }

    public bool InRotation(int index) => Volatile.Read(ref _inRotation[index]);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _checks;
        _stop.Dispose();
    }

    // One loop per replica, so a slow answer from one does not delay noticing another. A refused connection or a 503 takes
    // the replica out at once; a probe that times out counts only on the second time running (a busy replica is slow, not down).
    private async Task CheckAsync(CancellationToken ct) => await Task.WhenAll(_replicas.Select((replica, i) => CheckOneAsync(replica, i, ct)));

    private async Task CheckOneAsync(Replica replica, int index, CancellationToken ct)
    {
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        var timeouts = 0;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                using var response = await probe.GetAsync(new Uri(replica.Url, "/readyz"), ct);
                timeouts = 0;
                Volatile.Write(ref _inRotation[index], response.IsSuccessStatusCode);
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                Volatile.Write(ref _inRotation[index], Volatile.Read(ref _inRotation[index]) && ++timeouts < 2);
            }
            catch (HttpRequestException)
            {
                Volatile.Write(ref _inRotation[index], false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await Task.Delay(200, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
