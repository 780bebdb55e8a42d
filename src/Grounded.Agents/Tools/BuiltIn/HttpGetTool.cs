using System.Net;
using Grounded.Agents.Definitions;

namespace Grounded.Agents.Tools;

/// <summary>
/// <c>http_get</c>: fetches a URL from an allow-listed host. Redirects are followed by hand (at most 3, each target checked
/// against the allow-list), at most <see cref="MaxBytes"/> of the body is read, and the run's cancellation is the time limit.
/// </summary>
internal sealed class HttpGetTool(BuiltInToolSpec spec, ToolEnvironment environment) : BuiltInFunction(ToolName, Summary, Schema)
{
    public const string ToolName = "http_get";
    public const int MaxBytes = 256 * 1024;
    public const int MaxRedirects = 3;

    private const string Summary = "Fetch a web page or API response by URL (GET) from an allowed host; returns the status, content type and text.";

    private const string Schema = """
        {
          "type": "object",
          "properties": {
            "url": { "type": "string", "minLength": 1, "maxLength": 2000, "description": "The absolute http or https URL to fetch, including any query string." }
          },
          "required": ["url"],
          "additionalProperties": false
        }
        """;

    private readonly HostAllowList _allowed = new(spec.AllowHosts);

    protected override async Task<string> RunAsync(ToolCallArguments arguments, CancellationToken cancellationToken)
    {
        var url = arguments.RequiredString("url").Trim();
        // On Unix "/path" parses as an absolute file URI: a URL must name its scheme.
        if (url.StartsWith('/') || url.StartsWith('\\') || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return ToolResults.Error($"'{url}' is not an absolute URL; write it as https://host/path.");
        }

        if (Refusal(uri) is { } refusal)
        {
            return ToolResults.Error(refusal);
        }

        for (var redirects = 0; ; redirects++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Accept.ParseAdd("text/html, application/json, text/plain;q=0.9, */*;q=0.5");
            HttpResponseMessage response;
            try
            {
                response = await environment.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return ToolResults.Error(e is TaskCanceledException ? $"{uri.Host} did not answer in time." : $"could not reach {uri.Host}: {e.Message}");
            }

            using (response)
            {
                if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location)
                {
                    if (redirects == MaxRedirects)
                    {
                        return ToolResults.Error($"{url} redirected more than {MaxRedirects} times; stopped at {uri}.");
                    }

                    var next = new Uri(uri, location);
                    if (Refusal(next) is { } refused)
                    {
                        return ToolResults.Error($"{uri} redirects to {next}, which is refused: {refused}");
                    }

                    uri = next;
                    continue;
                }

                try
                {
                    return await DescribeAsync(uri, response, cancellationToken);
                }
                catch (Exception e) when (e is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
                {
                    return ToolResults.Error($"the response from {uri.Host} broke off: {e.Message}");
                }
            }
        }
    }

    private string? Refusal(Uri uri)
    {
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            return $"only http and https URLs can be fetched, not {uri.Scheme}.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "URLs with a user name or password (user@host) are refused.";
        }

        if (_allowed.IsEmpty)
        {
            return "http_get may fetch from no host: list the hosts in the agent file, e.g. { name: http_get, allowHosts: [example.com, \"*.example.org\"] }.";
        }

        return _allowed.Allows(uri.Host) ? null : $"host {uri.Host} is not allowed; allowed: {_allowed}.";
    }

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static async Task<string> DescribeAsync(Uri uri, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await HttpBody.ReadAsync(response.Content, MaxBytes, cancellationToken);
        var result = new HttpGetResult(
            uri.ToString(),
            (int)response.StatusCode,
            body.ContentType,
            body.Cut ? $"the body is longer than {MaxBytes / 1024} KB; only the first {MaxBytes / 1024} KB were read" : null,
            body.Text);
        return ToolJson.Serialize(result);
    }

    private sealed record HttpGetResult(string Url, int Status, string ContentType, string? Cut, string Text);
}
