using System.Text.Json;

namespace Grounded.Server.OpenAi;

/// <summary>Reads a JSON body within the configured size limit: too large → 413, malformed → 400, both before any provider call.</summary>
internal static class RequestBody
{
    public static async Task<T> ReadAsync<T>(HttpRequest request, long limit, CancellationToken cancellationToken, JsonSerializerOptions? options = null)
        where T : class
    {
        if (request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    throw TooLarge(limit);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge(limit);
        }

        try
        {
            return JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), options)
                ?? throw new RequestException(OpenAiError.Invalid("the request body is empty"));
        }
        catch (JsonException e)
        {
            throw new RequestException(OpenAiError.Invalid($"the request body is not valid JSON: {e.Message}"));
        }
    }

    private static RequestException TooLarge(long limit) =>
        new(new OpenAiError(413, $"the request body is larger than the limit of {limit} bytes", "invalid_request_error", "request_too_large"));
}
