using System.ComponentModel;
using Grounded.Hosting.Mcp;

namespace Grounded.Cli.Commands;

/// <summary>
/// <c>grounded mcp</c>: serves the <c>search</c> and <c>ask</c> tools to one MCP client over stdin and stdout, as the local
/// identity. Stdout carries only protocol messages (progress and errors go to stderr); the store and the embedding model
/// open on the first tool call, so a client's handshake and tool list are answered at once.
/// </summary>
[Description("Serve search and ask to an MCP client over stdio (stdout carries only MCP messages)")]
internal sealed class McpCommand : GroundedCommand<McpSettings>
{
    protected override async Task<int> RunAsync(McpSettings settings, CancellationToken cancellationToken)
    {
        await using var stack = OpenStack(settings);
        using var once = new SemaphoreSlim(1, 1);
        var prepared = false;
        await GroundedMcpTools.RunStdioAsync(stack, async ct =>
        {
            await once.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                // As grounded ask does: an empty local store answers from the bundled docs (progress on stderr).
                if (!prepared)
                {
                    await BundledDocs.IngestIfEmptyAsync(await stack.GetRagAsync(ct).ConfigureAwait(false), ct).ConfigureAwait(false);
                    prepared = true;
                }
            }
            finally
            {
                once.Release();
            }
        }, cancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
