namespace Grounded.Hosting.Config;

/// <summary>The configuration (file, environment or command line) cannot be used; the message lists every problem, one per line.</summary>
public sealed class ConfigException : Exception
{
    public ConfigException()
    {
    }

    public ConfigException(string message)
        : base(message)
    {
    }

    public ConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the problems found, one per entry.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}
