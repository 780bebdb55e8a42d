using System.Globalization;
using StackExchange.Redis;
using StackExchange.Redis.KeyspaceIsolation;

namespace Grounded.Redis;

/// <summary>
/// One shared connection to the deployment's Redis, for the shared cache, budgets and rate limits of later stages. Connects
/// lazily and reconnects by itself; keys are namespaced with <see cref="RedisOptions.KeyPrefix"/>.
/// </summary>
public sealed class RedisConnection : IAsyncDisposable
{
    private readonly RedisOptions _options;
    private readonly ConfigurationOptions _configuration;
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private ConnectionMultiplexer? _multiplexer;

    /// <summary>Creates the connection (nothing is sent until first use). Throws <see cref="ArgumentException"/> listing every problem with the options.</summary>
    public RedisConnection(RedisOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }

        _options = options with { };
        _configuration = Parse(options.ConnectionString);
        var timeout = (int)options.Timeout.TotalMilliseconds;
        _configuration.ConnectTimeout = timeout;
        _configuration.SyncTimeout = timeout;
        _configuration.AsyncTimeout = timeout;
        _configuration.AbortOnConnectFail = false;
        _configuration.ClientName = "grounded";
    }

    /// <summary>Gets the key prefix of this deployment.</summary>
    public string KeyPrefix => _options.KeyPrefix;

    /// <summary>Returns the database, connecting first when needed; keys given to it are prefixed with <see cref="KeyPrefix"/>.</summary>
    public async Task<IDatabase> GetDatabaseAsync(CancellationToken cancellationToken)
    {
        var multiplexer = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        return multiplexer.GetDatabase().WithKeyPrefix(_options.KeyPrefix);
    }

    /// <summary>Sends a PING and reports whether and how fast the server answered; never throws for an unreachable server.</summary>
    public async Task<RedisHealth> CheckHealthAsync(CancellationToken cancellationToken)
    {
        try
        {
            var database = await GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
            var latency = await database.PingAsync().WaitAsync(_options.Timeout, cancellationToken).ConfigureAwait(false);
            return new RedisHealth(true, Math.Round(latency.TotalMilliseconds, 2), null);
        }
        catch (Exception error) when (error is RedisException or TimeoutException)
        {
            return new RedisHealth(false, 0, error.Message.ReplaceLineEndings(" "));
        }
    }

    /// <summary>Returns the shared connection (connecting on first use), for libraries that take a multiplexer (the answer cache's second level).</summary>
    public async Task<IConnectionMultiplexer> GetMultiplexerAsync(CancellationToken cancellationToken) =>
        await ConnectAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_multiplexer is not null)
        {
            await _multiplexer.DisposeAsync().ConfigureAwait(false);
        }

        _connecting.Dispose();
    }

    /// <summary>Reads <c>HOST:PORT</c>, <c>redis://[USER][:PASSWORD@]HOST[:PORT][/DB]</c> or a StackExchange.Redis configuration string.</summary>
    public static ConfigurationOptions Parse(string connectionString)
    {
        if (!connectionString.StartsWith("redis://", StringComparison.OrdinalIgnoreCase) && !connectionString.StartsWith("rediss://", StringComparison.OrdinalIgnoreCase))
        {
            return ConfigurationOptions.Parse(connectionString);
        }

        if (!Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new ArgumentException("the Redis URL is malformed; expected redis://[:PASSWORD@]HOST:PORT[/DB]", nameof(connectionString));
        }

        var options = new ConfigurationOptions { Ssl = uri.Scheme.Equals("rediss", StringComparison.OrdinalIgnoreCase) };
        options.EndPoints.Add(uri.Host, uri.Port > 0 ? uri.Port : 6379);
        var user = uri.UserInfo.Split(':', 2);
        if (user[0].Length > 0)
        {
            options.User = Uri.UnescapeDataString(user[0]);
        }

        if (user.Length > 1)
        {
            options.Password = Uri.UnescapeDataString(user[1]);
        }

        if (int.TryParse(uri.AbsolutePath.Trim('/'), NumberStyles.None, CultureInfo.InvariantCulture, out var database))
        {
            options.DefaultDatabase = database;
        }

        return options;
    }

    private async Task<ConnectionMultiplexer> ConnectAsync(CancellationToken cancellationToken)
    {
        if (_multiplexer is { } ready)
        {
            return ready;
        }

        await _connecting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _multiplexer ??= await ConnectionMultiplexer.ConnectAsync(_configuration).ConfigureAwait(false);
        }
        finally
        {
            _connecting.Release();
        }
    }
}
