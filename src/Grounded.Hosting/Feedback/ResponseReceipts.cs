using Microsoft.Extensions.Caching.Hybrid;

namespace Grounded.Hosting.Feedback;

/// <summary>
/// The receipts of recent responses, in the answer caches' <see cref="HybridCache"/> (in memory, and in Redis when it is
/// configured, so any replica takes feedback on another's response) for the feedback window, then gone.
/// </summary>
public sealed class ResponseReceipts
{
    /// <summary>The longest question or answer text a receipt keeps.</summary>
    public const int MaxTextLength = 8_000; // a receipt is held for the whole window, rated or not: at most ~32 KB each

    private const string KeyPrefix = "receipt:";
    private static readonly HybridCacheEntryOptions ReadOnly = new()
    {
        Flags = HybridCacheEntryFlags.DisableLocalCacheWrite | HybridCacheEntryFlags.DisableDistributedCacheWrite,
    };

    private readonly HybridCache _cache;
    private readonly HybridCacheEntryOptions _keep;

    /// <summary>How long a replica keeps its own in-memory copy of a receipt when Redis holds it for the whole window.</summary>
    public static readonly TimeSpan LocalCopy = TimeSpan.FromMinutes(5);

    /// <param name="cache">The answer caches' HybridCache.</param>
    /// <param name="window">How long feedback on a response is taken.</param>
    /// <param name="shared">Whether Redis holds the receipts: then each replica's memory keeps them for <see cref="LocalCopy"/>
    /// only (the soak measured a day's window of receipts in memory growing a replica by about 650 MB an hour at 30 requests a second).</param>
    internal ResponseReceipts(HybridCache cache, TimeSpan window, bool shared = false)
    {
        _cache = cache;
        _keep = new HybridCacheEntryOptions { Expiration = window, LocalCacheExpiration = shared && window > LocalCopy ? LocalCopy : window };
    }

    /// <summary>
    /// Keeps <paramref name="receipt"/> for the window without making the response wait: the in-memory copy is written before
    /// this returns, the Redis copy after. Never throws (a Redis that is away loses it: feedback on that response is then 404
    /// on other replicas, and the response goes on).
    /// </summary>
    public Task KeepAsync(ResponseReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        _ = KeepSafelyAsync(receipt with { Question = Cut(receipt.Question), Answer = Cut(receipt.Answer) });
        return Task.CompletedTask;
    }

    private async Task KeepSafelyAsync(ResponseReceipt receipt)
    {
        try
        {
            await _cache.SetAsync(KeyPrefix + receipt.Id, receipt, _keep).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // A receipt is a convenience: nothing but feedback on this response depends on it.
        }
    }

    /// <summary>Returns the receipt of the response <paramref name="id"/>, or null when it is unknown or older than the window.</summary>
    public async ValueTask<ResponseReceipt?> FindAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return await _cache.GetOrCreateAsync(KeyPrefix + id, static _ => ValueTask.FromResult<ResponseReceipt?>(null), ReadOnly, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
    }

    private static string? Cut(string? text) => text is { Length: > MaxTextLength } ? text[..MaxTextLength] : text;
}
