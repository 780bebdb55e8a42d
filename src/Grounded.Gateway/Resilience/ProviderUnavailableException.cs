namespace Grounded.Gateway.Resilience;

/// <summary>A model's provider failed for this request after its retries, or its circuit is open.</summary>
public sealed class ProviderUnavailableException : Exception
{
    public ProviderUnavailableException()
    {
    }

    public ProviderUnavailableException(string message)
        : base(message)
    {
    }

    public ProviderUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the model whose provider failed.</summary>
    public string Model { get; init; } = string.Empty;

    /// <summary>Gets how many calls reached (or tried to reach) the provider.</summary>
    public int Attempts { get; init; }
}
