using System.Buffers;
using System.Text.Json;
using Grounded.Gateway.Failures;

namespace Grounded.Server.OpenAi;

/// <summary>Reads a JSON body within the configured size limit: too large → 413, not JSON → 400, wrong types → 400 naming the field; all before any provider call.</summary>
internal static class RequestBody
{
    /// <summary>The deepest nesting of arrays and objects a body may have: System.Text.Json's default, named so the error can say it.</summary>
    public const int MaxDepth = 64;

    private static readonly JsonDocumentOptions Parsing = new() { MaxDepth = MaxDepth };

    /// <summary>Reads the body as a JSON document (its root must be an object).</summary>
    public static async Task<JsonDocument> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
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

            JsonDocument document;
            try
            {
                // The document keeps the memory it parses: it gets its own copy, the pooled buffer goes back.
                document = JsonDocument.Parse(buffer.AsSpan(0, length).ToArray(), Parsing);
            }
            catch (JsonException e)
            {
                throw new InvalidRequestException(
                    length == 0 ? "the request body is empty"
                    : TooDeep(e) ? $"the request body nests arrays and objects more than {MaxDepth} levels deep (the limit)"
                    : $"the request body is not valid JSON: {e.Message}");
            }

            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw new InvalidRequestException("the request body must be a JSON object");
            }

            return document;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads the body as <typeparamref name="T"/>; with <paramref name="rejectUnknown"/>, a field <typeparamref name="T"/> does not have is a 400 rather than ignored.</summary>
    public static async Task<T> ReadAsync<T>(HttpRequest request, long limit, CancellationToken cancellationToken, JsonSerializerOptions? options = null, bool rejectUnknown = false)
        where T : class
    {
        using var document = await ReadAsync(request, limit, cancellationToken).ConfigureAwait(false);
        return Bind<T>(document.RootElement, options, rejectUnknown);
    }

    /// <summary>Binds a JSON object to <typeparamref name="T"/>; a value of the wrong type is a 400 that names the field and the type wanted, in JSON's words.</summary>
    public static T Bind<T>(JsonElement element, JsonSerializerOptions? options = null, bool rejectUnknown = false)
        where T : class
    {
        if (rejectUnknown && element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (!JsonFieldTypes.Has(typeof(T), property.Name, options))
                {
                    throw new InvalidRequestException($"unknown field '{property.Name}'", property.Name);
                }
            }
        }

        try
        {
            return element.Deserialize<T>(options) ?? throw new InvalidRequestException("the request body is empty");
        }
        catch (JsonException e)
        {
            var field = JsonFieldTypes.Field(e.Path);
            throw new InvalidRequestException($"invalid value for '{field}': expected {JsonFieldTypes.Expected(typeof(T), e.Path, options)}", field);
        }
    }

    // System.Text.Json says so only in its message ("The maximum configured depth of 64 has been exceeded").
    private static bool TooDeep(JsonException e) => e.Message.Contains("maximum configured depth", StringComparison.Ordinal);

    private static InvalidRequestException TooLarge(long limit) =>
        new($"the request body is larger than the limit of {limit} bytes", status: 413) { Code = "request_too_large" };
}
