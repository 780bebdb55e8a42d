using Grounded.Agents.Definitions;
using ModelContextProtocol.Client;

namespace Grounded.Agents.Tools.Mcp;

/// <summary>How an <see cref="McpToolSpec"/> is reached (a process over stdio, or Streamable HTTP) and named in messages.</summary>
internal static class McpServers
{
    public static string Describe(McpToolSpec spec) =>
        spec.Url is { } url ? url.GetLeftPart(UriPartial.Path)
        : spec.Command is { } command ? string.Join(' ', [command, .. spec.Arguments])
        : "(none)";

    public static IClientTransport Transport(McpToolSpec spec, ToolEnvironment environment, string server)
    {
        if (spec.Url is { } url)
        {
            Dictionary<string, string>? headers = null;
            if (spec.BearerEnv is { } variable)
            {
                var token = environment.Environment(variable);
                if (string.IsNullOrEmpty(token))
                {
                    throw new ToolLoadException($"the MCP server {server} needs a bearer token from the environment variable {variable}, which is not set");
                }

                headers = new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" };
            }

            return new HttpClientTransport(new HttpClientTransportOptions
            {
                Endpoint = url,
                TransportMode = HttpTransportMode.StreamableHttp,
                AdditionalHeaders = headers,
                Name = server,
            }, environment.Http, ownsHttpClient: false);
        }

        if (!string.IsNullOrWhiteSpace(spec.Command))
        {
            return new StdioClientTransport(new StdioClientTransportOptions
            {
                Command = spec.Command,
                Arguments = [.. spec.Arguments],
                WorkingDirectory = environment.BaseDirectory,
                Name = server,
            });
        }

        throw new ToolLoadException("an mcp tool source needs a command (stdio) or a url (Streamable HTTP)");
    }

    /// <summary>Returns the innermost useful reason of a connection failure, on one line.</summary>
    public static string Reason(Exception error)
    {
        var inner = error;
        while (inner.InnerException is { } next && inner is not HttpRequestException)
        {
            inner = next;
        }

        var reason = inner == error ? error.Message : $"{error.Message} ({inner.Message})";
        return ToolResults.OneLine(reason);
    }
}
