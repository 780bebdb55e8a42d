using System.ClientModel;

namespace Grounded.Gateway.Providers.OpenAi;

/// <summary>Turns the OpenAI SDK's HTTP error into the provider's status, message and error fields, with its Retry-After.</summary>
internal static class OpenAiErrors
{
    public static ProviderErrorException From(ClientResultException error)
    {
        var response = error.GetRawResponse();
        string? body = null, retryAfter = null;
        if (response is not null)
        {
            try
            {
                body = response.Content?.ToString();
            }
            catch (InvalidOperationException)
            {
                // A streamed error body that was not buffered: the SDK's message stands.
            }

            response.Headers.TryGetValue("Retry-After", out retryAfter);
        }

        return ProviderErrorBody.Parse(error.Status, body, error.Message.Split('\n')[0].Trim(), retryAfter, error);
    }
}
