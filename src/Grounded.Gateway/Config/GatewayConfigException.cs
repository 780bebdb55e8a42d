namespace Grounded.Gateway.Config;

/// <summary>The gateway configuration cannot be used; the message lists every problem, one per line.</summary>
public sealed class GatewayConfigException : Exception
{
    public GatewayConfigException()
    {
    }

    public GatewayConfigException(string message)
        : base(message)
    {
    }

    public GatewayConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the problems found, one per entry.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}
