using System.Reflection;
using Grounded.Access;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Grounded.Hosting.Mcp;

/// <summary>
/// Grounded as an MCP server: the <c>search</c> and <c>ask</c> tools over the stack, each call scoped to one caller
/// (<c>grounded mcp</c> over stdio, <c>/mcp</c> on <c>grounded serve</c>). Listing the tools opens nothing: the store and
/// the embedding model open on the first call.
/// </summary>
public static class GroundedMcpTools
{
    /// <summary>Returns the name and version Grounded introduces itself with.</summary>
    public static Implementation ServerInfo { get; } = new()
    {
        Name = "grounded",
        Title = "Grounded",
        Version = typeof(GroundedMcpTools).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0",
    };

    /// <summary>Returns the tools for <paramref name="caller"/>; <paramref name="prepare"/>, when given, runs before each call (the CLI indexes its bundled docs into an empty store).</summary>
    public static IReadOnlyList<McpServerTool> Create(GroundedStack stack, CallerIdentity caller, Func<CancellationToken, Task>? prepare = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(caller);
        return [new SearchTool(stack, caller, prepare), new AskTool(stack, caller, prepare, time ?? TimeProvider.System)];
    }

    /// <summary>Sets <paramref name="options"/>' tools to <see cref="Create"/>'s, and the server's name and instructions.</summary>
    public static McpServerOptions Configure(McpServerOptions options, GroundedStack stack, CallerIdentity caller, Func<CancellationToken, Task>? prepare = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ServerInfo = ServerInfo;
        options.ServerInstructions = "Search Grounded's indexed documents (search) or get an answer grounded in them with [n] citations (ask).";
        options.ToolCollection = [.. Create(stack, caller, prepare)];
        return options;
    }

    /// <summary>Serves the tools to one client over this process's stdin and stdout, as the local identity, until the client closes stdin or <paramref name="cancellationToken"/> fires.</summary>
    public static async Task RunStdioAsync(GroundedStack stack, Func<CancellationToken, Task>? prepare = null, CancellationToken cancellationToken = default)
    {
        var options = Configure(new McpServerOptions(), stack, CallerIdentity.Local, prepare);
        using var stdio = new AnsweringStdio();
        // Not awaited: a read of the console's stdin ignores cancellation, and the process ends with the server anyway.
        _ = stdio.PumpAsync(Console.OpenStandardInput(), cancellationToken);
        await using var transport = new StreamServerTransport(stdio.Input, stdio.Output(new BufferedStream(Console.OpenStandardOutput())), ServerInfo.Name);
        await using var server = McpServer.Create(transport, options);
        await server.RunAsync(cancellationToken).ConfigureAwait(false);
    }
}
