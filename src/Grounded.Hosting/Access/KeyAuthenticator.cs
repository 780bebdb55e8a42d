using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Grounded.Access;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Grounded.Hosting.Access;

/// <summary>
/// Turns a request's bearer key into the caller's identity: a key from the config file's <c>auth.keys</c> is admin of the
/// default tenant; a store key (<c>grd_…</c>) is looked up by its id and checked against its hash, then against its
/// revocation and expiry. A found key is trusted for at most <see cref="PositiveLifetime"/> after it was read, so a key revoked
/// on any replica is refused within that time everywhere; past <see cref="RefreshAfter"/> a request still uses it but reads it
/// again in the background, so a key in steady use never waits for the store. Unknown keys are never remembered. While no key exists at all (none in
/// the file, none in the store) the server is open and every caller is admin of the default tenant, as before keys existed.
/// </summary>
public sealed class KeyAuthenticator
{
    /// <summary>How long a key read from the store is trusted: a revocation is seen within this time.</summary>
    public static readonly TimeSpan PositiveLifetime = TimeSpan.FromMilliseconds(750);

    /// <summary>How old a trusted key may get before a request that uses it has it read again in the background.</summary>
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromMilliseconds(250);

    private static readonly TimeSpan AnyKeysLifetime = TimeSpan.FromSeconds(1);
    private const int MaxRemembered = 10_000;

    private volatile byte[][] _configHashes;
    private readonly Func<CancellationToken, Task<IAccessStore>> _store;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly ConcurrentDictionary<string, (ApiKey Key, long At)> _found = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _refreshing = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _touched = new(StringComparer.Ordinal);
    private (bool Any, long At)? _anyKeys;

    /// <summary>Creates the authenticator over the config file's key hashes and the store's keys.</summary>
    public KeyAuthenticator(IReadOnlyList<string> configKeyHashes, Func<CancellationToken, Task<IAccessStore>> store, TimeProvider? time = null, ILogger? log = null)
    {
        ArgumentNullException.ThrowIfNull(configKeyHashes);
        _configHashes = [.. configKeyHashes.Select(Convert.FromHexString)];
        _store = store;
        _time = time ?? TimeProvider.System;
        _log = log ?? NullLogger.Instance;
    }

    /// <summary>
    /// Gets or sets whether callers may go without a key while no key exists (the default). A server listening beyond
    /// loopback without <c>--insecure</c> turns it off at start-up: should its keys vanish or its store start empty, it
    /// refuses every request rather than open up.
    /// </summary>
    public bool AllowAnonymous { get; set; } = true;

    /// <summary>The identity of a caller who presented a key from the config file.</summary>
    public static CallerIdentity ConfigAdmin { get; } = CallerIdentity.Local with { KeyId = "config" };

    /// <summary>The identity of every caller while the server needs no key.</summary>
    public static CallerIdentity Anonymous { get; } = CallerIdentity.Local with { KeyId = "anonymous" };

    /// <summary>Checks the <c>Authorization</c> header's value (may be empty).</summary>
    public async ValueTask<Authentication> AuthenticateAsync(string? authorization, CancellationToken cancellationToken)
    {
        var token = authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
        if (!string.IsNullOrEmpty(token))
        {
            if (IsConfigKey(token))
            {
                return Authentication.Accepted(ConfigAdmin);
            }

            if (KeySecret.IdOf(token) is not null)
            {
                var found = await FindAsync(token, cancellationToken).ConfigureAwait(false);
                if (found is { } key)
                {
                    return key.RevokedAt is not null ? Authentication.Refused("This API key was revoked.")
                        : !key.IsActive(_time.GetUtcNow()) ? Authentication.Refused("This API key has expired.")
                        : Authentication.Accepted(Used(key));
                }
            }
        }

        if (AllowAnonymous && !await KeysRequiredAsync(cancellationToken).ConfigureAwait(false))
        {
            return Authentication.Accepted(Anonymous);
        }

        return Authentication.Refused(string.IsNullOrEmpty(token) ? "Missing API key: send Authorization: Bearer KEY." : "Invalid API key.");
    }

    /// <summary>Forgets what was remembered about a key (it was just rotated or revoked here).</summary>
    public void Forget(string keyId)
    {
        foreach (var entry in _found.Where(e => e.Value.Key.Id == keyId))
        {
            _found.TryRemove(entry.Key, out _);
        }

        _anyKeys = null;
    }

    /// <summary>Replaces the config file's key hashes (a reloaded <c>auth.keys</c>): the next request is checked against them.</summary>
    public void ReplaceConfigKeys(IReadOnlyList<string> configKeyHashes)
    {
        ArgumentNullException.ThrowIfNull(configKeyHashes);
        _configHashes = [.. configKeyHashes.Select(Convert.FromHexString)];
    }

    /// <summary>Returns whether the config file names keys or the store can be read and holds some (for start-up checks: an unreadable store counts as none).</summary>
    public async ValueTask<bool> HasKeysAsync(CancellationToken cancellationToken) =>
        _configHashes.Length > 0 || await StoreHasKeysAsync(cancellationToken).ConfigureAwait(false) == true;

    /// <summary>Returns whether requests need a key: the config file names some, or the store holds any (asked at most once a second; while the store cannot be asked, its last answer).</summary>
    /// <exception cref="Storage.StoreException">The store cannot be asked and has never answered.</exception>
    public async ValueTask<bool> KeysRequiredAsync(CancellationToken cancellationToken)
    {
        if (_configHashes.Length > 0)
        {
            return true;
        }

        if (_anyKeys is { } known && _time.GetElapsedTime(known.At) < AnyKeysLifetime)
        {
            return known.Any;
        }

        if (await StoreHasKeysAsync(cancellationToken).ConfigureAwait(false) is not { } any)
        {
            // The keys live in the store, so they cannot change while it is down: the last answer still holds. With none,
            // the request fails as the store does (503), not as a missing key (401) that would send its caller looking for one.
            return _anyKeys?.Any ?? throw new Storage.StoreException("cannot tell whether this server requires API keys: the store's keys cannot be read");
        }

        _anyKeys = (any, _time.GetTimestamp());
        return any;
    }

    // Whether the store holds a key; false for a store not created yet, null (and a warning) for one that cannot be read.
    private async ValueTask<bool?> StoreHasKeysAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await (await _store(cancellationToken).ConfigureAwait(false)).AnyAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Storage.StoreException error) when (error.NotCreated)
        {
            return false;
        }
        catch (Exception error) when (error is Storage.StoreException or IOException or InvalidOperationException or System.Data.Common.DbException)
        {
            _log.LogWarning("cannot read the store's API keys, so every request needs one: {Problem}", error.Message);
            return null;
        }
    }

    private async ValueTask<ApiKey?> FindAsync(string token, CancellationToken cancellationToken)
    {
        if (_found.TryGetValue(token, out var remembered) && _time.GetElapsedTime(remembered.At) is var age && age < PositiveLifetime)
        {
            if (age >= RefreshAfter && _refreshing.TryAdd(token, 0))
            {
                _ = Task.Run(() => RefreshAsync(token), CancellationToken.None); // on the pool: SQLite's "async" calls run synchronously
            }

            return remembered.Key;
        }

        return await ReadAsync(token, cancellationToken).ConfigureAwait(false);
    }

    private async Task RefreshAsync(string token)
    {
        try
        {
            await ReadAsync(token, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            _found.TryRemove(token, out _); // cannot confirm the key: the next request asks the store itself
            _log.LogDebug("could not read a key again: {Problem}", error.Message);
        }
        finally
        {
            _refreshing.TryRemove(token, out _);
        }
    }

    private async Task<ApiKey?> ReadAsync(string token, CancellationToken cancellationToken)
    {
        var read = _time.GetTimestamp();
        var key = await (await _store(cancellationToken).ConfigureAwait(false)).FindBySecretAsync(token, cancellationToken).ConfigureAwait(false);
        if (key is null)
        {
            _found.TryRemove(token, out _);
            return null;
        }

        if (_found.Count >= MaxRemembered)
        {
            _found.Clear();
        }

        _found[token] = (key, read); // trusted from when it was read, not from when the read returned
        return key;
    }

    private CallerIdentity Used(ApiKey key)
    {
        // The store keeps last use to the minute: a key is touched at most once a minute, off the request's path.
        var minute = _time.GetUtcNow().ToUnixTimeSeconds() / 60;
        if (!_touched.TryGetValue(key.Id, out var last) || last != minute)
        {
            _touched[key.Id] = minute;
            _ = Task.Run(() => TouchAsync(key.Id));
        }

        return key.Identity();
    }

    private async Task TouchAsync(string id)
    {
        try
        {
            await (await _store(CancellationToken.None).ConfigureAwait(false)).TouchAsync(id, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            _log.LogDebug("could not record that key {Key} was used: {Problem}", id, error.Message);
        }
    }

    private bool IsConfigKey(string token)
    {
        var hashes = _configHashes;
        if (hashes.Length == 0)
        {
            return false;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        var ok = false;
        foreach (var candidate in hashes)
        {
            ok |= CryptographicOperations.FixedTimeEquals(hash, candidate);
        }

        return ok;
    }
}
