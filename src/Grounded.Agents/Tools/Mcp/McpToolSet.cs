using Grounded.Agents.Definitions;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Grounded.Agents.Tools.Mcp;

/// <summary>
/// The tools of one MCP server (<c>{ mcp: { command, args } | { url, bearerEnv }, allow: [...] }</c>), connected for a run:
/// a stdio server is a process started here, a Streamable HTTP server a URL. Disposing it closes the connection (and
/// stops the process).
/// </summary>
internal sealed class McpToolSet : IAsyncDisposable
{
    private readonly McpClient _client;

    private McpToolSet(McpClient client, IReadOnlyList<AgentTool> tools)
    {
        _client = client;
        Tools = tools;
    }

    /// <summary>Gets the server's tools the spec allows, each with the spec's approval, timeout and price.</summary>
    public IReadOnlyList<AgentTool> Tools { get; }

    /// <summary>
    /// Connects to the server <paramref name="spec"/> names and lists its tools; throws <see cref="ToolLoadException"/> in
    /// one line when it cannot be reached, or when an allowed name is not among its tools (listing those it offers).
    /// </summary>
    public static async Task<McpToolSet> ConnectAsync(McpToolSpec spec, ToolEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(environment);
        var server = McpServers.Describe(spec);
        var transport = McpServers.Transport(spec, environment, server);
        McpClient client;
        IList<McpClientTool> offered;
        try
        {
            client = await McpClient.CreateAsync(transport, new McpClientOptions { ClientInfo = new Implementation { Name = "grounded-agent", Version = "1.0.0" } }, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new ToolLoadException($"cannot connect to the MCP server {server}: {McpServers.Reason(e)}", e);
        }

        try
        {
            offered = await client.ListToolsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return new McpToolSet(client, Select(spec, offered, server));
        }
        catch (Exception e)
        {
            await client.DisposeAsync().ConfigureAwait(false);
            if (e is ToolLoadException || (e is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                throw;
            }

            throw new ToolLoadException($"cannot list the tools of the MCP server {server}: {McpServers.Reason(e)}", e);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _client.DisposeAsync();

    private static List<AgentTool> Select(McpToolSpec spec, IList<McpClientTool> offered, string server)
    {
        var missing = spec.Allow.Where(name => !offered.Any(t => t.Name == name)).ToList();
        if (missing.Count > 0)
        {
            var names = offered.Count == 0 ? "none" : string.Join(", ", offered.Select(t => t.Name).Order(StringComparer.Ordinal));
            throw new ToolLoadException($"the MCP server {server} has no tool named {string.Join(", ", missing)} (it offers: {names})");
        }

        return offered
            .Where(t => spec.Allow.Count == 0 || spec.Allow.Contains(t.Name))
            .Select(t => new AgentTool(new McpToolFunction(t, server))
            {
                RequiresApproval = spec.RequiresApproval,
                Timeout = spec.Timeout,
                UsdPerCall = spec.UsdPerCall,
                Source = "mcp",
            })
            .ToList();
    }
}
