using System.Buffers;
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

        // A pooled buffer sized from Content-Length: this runs on every request, so it should not allocate per request.
        var buffer = ArrayPool<byte>.Shared.Rent(request.ContentLength is { } known and > 0 ? (int)known + 1 : 4096);
        var length = 0;
        try
        {
            try
            {
                int read;
                while ((read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    length += read;
                    if (length > limit)
                    {
                        throw TooLarge(limit);
                    }

                    if (length == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                }
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                throw TooLarge(limit);
            }

            try
            {
                return JsonSerializer.Deserialize<T>(buffer.AsSpan(0, length), options)
                    ?? throw new RequestException(OpenAiError.Invalid("the request body is empty"));
            }
            catch (JsonException e)
            {
                throw new RequestException(OpenAiError.Invalid($"the request body is not valid JSON: {e.Message}"));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static RequestException TooLarge(long limit) =>
        new(new OpenAiError(413, $"the request body is larger than the limit of {limit} bytes", "invalid_request_error", "request_too_large"));
}
