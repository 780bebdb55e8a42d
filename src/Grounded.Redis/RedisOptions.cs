namespace Grounded.Redis;

/// <summary>Where the shared Redis is and how long to wait for it. Copied when a connection is made: later changes do nothing.</summary>
public sealed record RedisOptions
{
    /// <summary>The environment variable the connection string is read from.</summary>
    public const string EnvironmentVariable = "GROUNDED_REDIS";

    /// <summary>Gets the server: <c>HOST:PORT</c>, <c>redis://[:PASSWORD@]HOST:PORT[/DB]</c>, or a StackExchange.Redis configuration string.</summary>
    /// <value>The default is <c>$GROUNDED_REDIS</c>, else empty (no Redis).</value>
    public string ConnectionString { get; init; } = Environment.GetEnvironmentVariable(EnvironmentVariable) ?? string.Empty;

    /// <summary>Gets how long connecting and each command may take.</summary>
    /// <value>The default is 5 seconds; between 100 ms and 5 minutes.</value>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets the prefix every key of this deployment starts with, so several deployments can share one server.</summary>
    /// <value>The default is <c>grounded:</c>.</value>
    public string KeyPrefix { get; init; } = "grounded:";

    /// <summary>Gets whether a Redis server is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ConnectionString);

    /// <summary>Returns every problem with the options (empty when they are usable).</summary>
    public IEnumerable<string> Validate()
    {
        if (!IsConfigured)
        {
            yield return $"no Redis server configured: set {EnvironmentVariable} (e.g. 127.0.0.1:6379 or redis://:PASSWORD@HOST:6379/0)";
        }

        if (Timeout < TimeSpan.FromMilliseconds(100) || Timeout > TimeSpan.FromMinutes(5))
        {
            yield return $"the Redis timeout must be between 100 ms and 5 minutes (got {Timeout.TotalMilliseconds} ms)";
        }

        if (string.IsNullOrEmpty(KeyPrefix))
        {
            yield return "the Redis key prefix must not be empty";
        }
    }
}
