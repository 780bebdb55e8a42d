using Grounded.Agents.Definitions;
using Grounded.Agents.Tools.Mcp;
using Grounded.Agents.Tools.OpenApi;

namespace Grounded.Agents.Tools;

/// <summary>
/// The tools of one run, built from the agent's <c>tools:</c> list: built-ins, each allowed OpenAPI operation, each allowed tool
/// of each MCP server (whose connections it owns, and closes when disposed). Tool names must be unique across sources.
/// </summary>
public sealed class ToolCatalog : IAsyncDisposable
{
    private readonly List<McpToolSet> _servers;

    private ToolCatalog(IReadOnlyList<AgentTool> tools, List<McpToolSet> servers)
    {
        Tools = tools;
        _servers = servers;
        ByName = tools.GroupBy(t => t.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    /// <summary>Gets the tools, in the order the agent file lists their sources.</summary>
    public IReadOnlyList<AgentTool> Tools { get; }

    /// <summary>Gets the tools by name.</summary>
    public IReadOnlyDictionary<string, AgentTool> ByName { get; }

    /// <summary>Builds the tools of <paramref name="definition"/> for <paramref name="environment"/>; throws <see cref="ToolLoadException"/> when a source cannot be read or reached.</summary>
    public static async Task<ToolCatalog> CreateAsync(AgentDefinition definition, ToolEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(environment);
        var tools = new List<AgentTool>();
        var servers = new List<McpToolSet>();
        try
        {
            foreach (var spec in definition.Tools)
            {
                switch (spec)
                {
                    case BuiltInToolSpec builtIn:
                        tools.Add(BuiltInTools.Create(builtIn, environment) is var tool && spec.RequiresApproval ? tool with { RequiresApproval = true } : tool);
                        break;
                    case OpenApiToolSpec openApi:
                        tools.AddRange(await OpenApiTools.LoadAsync(openApi, environment, cancellationToken).ConfigureAwait(false));
                        break;
                    case McpToolSpec mcp:
                        var server = await McpToolSet.ConnectAsync(mcp, environment, cancellationToken).ConfigureAwait(false);
                        servers.Add(server);
                        tools.AddRange(server.Tools);
                        break;
                }
            }
        }
        catch
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }

        return new ToolCatalog(tools, servers);
    }

    /// <summary>Returns a catalog of these tools and <paramref name="extra"/> (a multi-agent run's specialists); disposing it leaves this one's connections to this one.</summary>
    public ToolCatalog With(IEnumerable<AgentTool> extra) => new([.. Tools, .. extra], []);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }
    }
}
