namespace Grounded.Gateway.Providers;

/// <summary>A provider answered with an HTTP error; its status and error fields as it sent them, whatever its SDK.</summary>
public sealed class ProviderErrorException : Exception
{
    public ProviderErrorException()
    {
    }

    public ProviderErrorException(string message)
        : base(message)
    {
    }

    public ProviderErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the failure from the provider's answer.</summary>
    public ProviderErrorException(int status, string message, Exception? innerException)
        : base(message, innerException)
    {
        Status = status;
    }

    /// <summary>Gets the HTTP status.</summary>
    public int Status { get; }

    /// <summary>Gets the provider's error type, e.g. <c>invalid_request_error</c>.</summary>
    public string? Type { get; init; }

    /// <summary>Gets the provider's error code.</summary>
    public string? Code { get; init; }

    /// <summary>Gets the parameter the provider blamed.</summary>
    public string? Param { get; init; }

    /// <summary>Gets the provider's Retry-After header as sent (seconds or an HTTP date).</summary>
    public string? RetryAfter { get; init; }
}
