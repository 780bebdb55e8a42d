namespace Grounded.Server.OpenAi;

/// <summary>A request the server rejects before any provider call; carries the error to send.</summary>
internal sealed class RequestException(OpenAiError error) : Exception(error.Message)
{
    public OpenAiError Error { get; } = error;
}
