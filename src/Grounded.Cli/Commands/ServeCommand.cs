using System.ComponentModel;
using Grounded.Cli.Output;
using Grounded.Gateway.Config;
using Grounded.Server;

namespace Grounded.Cli.Commands;

/// <summary>
/// <c>grounded serve</c>: runs the OpenAI-compatible gateway and RAG server until Ctrl+C. The server is a library
/// (<see cref="ServerHost"/>) hosted in this process, so that one installed tool serves and answers alike.
/// </summary>
[Description("Serve the model gateway (OpenAI-compatible /v1/chat/completions) and /v1/ask over HTTP")]
internal sealed class ServeCommand : GroundedCommand<ServeSettings>
{
    protected override async Task<int> RunAsync(ServeSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            await ServerHost.RunAsync(new ServeOptions(settings.Config!, settings.Urls, settings.StoreDirectory, settings.Insecure), urls =>
            {
                if (settings.Json)
                {
                    JsonOutput.Write(new { listening = urls, config = settings.Config, store = settings.StoreDirectory });
                }
                else
                {
                    Console.Error.WriteLine($"grounded serve: listening on {string.Join(", ", urls)} (Ctrl+C to stop)");
                }
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is GatewayConfigException or ServerStartException)
        {
            CliConsole.Error(e.Message);
            return ExitCodes.UserError;
        }

        return ExitCodes.Success;
    }
}
