namespace Grounded.Server;

/// <summary>The server refuses to start (unsafe binding, unusable config); the message says why and how to fix it.</summary>
public sealed class ServerStartException : Exception
{
    public ServerStartException()
    {
    }

    public ServerStartException(string message)
        : base(message)
    {
    }

    public ServerStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
