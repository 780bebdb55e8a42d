using Spectre.Console.Cli;

namespace Grounded.Cli.Commands;

/// <summary>Options of <c>grounded mcp</c>: the store and config to serve (<c>--json</c> and <c>--no-quantize</c> as for every store verb).</summary>
internal sealed class McpSettings : StoreSettings
{
}
