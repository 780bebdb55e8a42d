using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Grounded.Agents.Tools.OpenApi;

/// <summary>Reads an OpenAPI document (JSON or YAML) from a file or an http(s) URL; any problem is a one-line <see cref="ToolLoadException"/>.</summary>
internal static class OpenApiDocumentReader
{
    private const int MaxBytes = 10 * 1024 * 1024;
    private const int ProblemsShown = 3;

    /// <summary>Reads the document <paramref name="location"/> names; returns it with the URL it came from (null for a file).</summary>
    public static async Task<(OpenApiDocument Document, Uri? Url)> ReadAsync(string location, ToolEnvironment environment, CancellationToken ct)
    {
        var url = AsHttpUrl(location);
        var bytes = url is null
            ? await ReadFileAsync(Path.GetFullPath(location, environment.BaseDirectory), location, ct).ConfigureAwait(false)
            : await FetchAsync(url, environment.Http, ct).ConfigureAwait(false);
        using var content = new MemoryStream(bytes, writable: false);
        var settings = new OpenApiReaderSettings { LoadExternalRefs = false };
        settings.AddYamlReader();
        if (url is not null)
        {
            settings.BaseUrl = url;
        }

        ReadResult result;
        try
        {
            result = await OpenApiDocument.LoadAsync(content, Format(bytes), settings, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new ToolLoadException($"openapi document {location} could not be read: {OneLine(e.Message)}", e);
        }

        var errors = result.Diagnostic?.Errors ?? [];
        if (result.Document is null || errors.Count > 0)
        {
            var problems = errors.Take(ProblemsShown).Select(e => OneLine(e.ToString()));
            var more = errors.Count > ProblemsShown ? $" (and {errors.Count - ProblemsShown} more)" : "";
            throw new ToolLoadException($"openapi document {location} has errors: {string.Join("; ", problems)}{more}");
        }

        return (result.Document, url);
    }

    private static Uri? AsHttpUrl(string location) =>
        Uri.TryCreate(location, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;

    private static async Task<byte[]> ReadFileAsync(string path, string location, CancellationToken ct)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new ToolLoadException($"openapi document {location} not found (looked at {path})");
            }

            if (info.Length > MaxBytes)
            {
                throw new ToolLoadException($"openapi document {location} is larger than {MaxBytes / 1024 / 1024} MB");
            }

            return await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ToolLoadException($"openapi document {location} could not be read: {OneLine(e.Message)}", e);
        }
    }

    private static async Task<byte[]> FetchAsync(Uri url, HttpClient http, CancellationToken ct)
    {
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new ToolLoadException($"openapi document {url} could not be fetched: HTTP {(int)response.StatusCode}");
            }

            var bytes = await BoundedBody.ReadBytesAsync(response.Content, MaxBytes, ct).ConfigureAwait(false);
            if (bytes.Truncated)
            {
                throw new ToolLoadException($"openapi document {url} is larger than {MaxBytes / 1024 / 1024} MB");
            }

            return bytes.Bytes;
        }
        catch (HttpRequestException e)
        {
            throw new ToolLoadException($"openapi document {url} could not be fetched: {OneLine(e.Message)}", e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new ToolLoadException($"openapi document {url} could not be fetched: timed out", e);
        }
    }

    // JSON documents start with '{'; everything else is read as YAML (of which JSON is a subset anyway).
    private static string Format(byte[] content)
    {
        foreach (var b in content)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF)
            {
                continue;
            }

            return b == (byte)'{' ? OpenApiConstants.Json : OpenApiConstants.Yaml;
        }

        return OpenApiConstants.Yaml;
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
