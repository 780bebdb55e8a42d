using System.ComponentModel;
using Grounded.Cli.Output;
using Grounded.Rag.Index;
using Grounded.Server;

namespace Grounded.Cli.Commands;

/// <summary>
/// <c>grounded serve</c>: runs the OpenAI-compatible gateway and RAG server until Ctrl+C. The server is a library
/// (<see cref="ServerHost"/>) hosted in this process, so that one installed tool serves and answers alike; it is built
/// from the same options as every other verb (config file, environment, then these flags).
/// </summary>
[Description("Serve the model gateway (OpenAI-compatible /v1/chat/completions, /v1/responses) and /v1/ask over HTTP")]
internal sealed class ServeCommand : GroundedCommand<ServeSettings>
{
    protected override async Task<int> RunAsync(ServeSettings settings, CancellationToken cancellationToken)
    {
        var options = Options(settings);

        var store = StoreLocation.Redact(options.Rag.Store);
        try
        {
            await ServerHost.RunAsync(new ServeOptions(options, settings.Urls, settings.Insecure), urls =>
            {
                if (settings.Json)
                {
                    JsonOutput.Write(new { listening = urls, config = options.ConfigFile, store, models = options.Gateway.Models.Select(m => m.Name) });
                }
                else
                {
                    Console.Error.WriteLine($"grounded serve: listening on {string.Join(", ", urls)} (Ctrl+C to stop); store {store}; {options.Gateway.Models.Count} models");
                }
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (ServerStartException e)
        {
            CliConsole.Error(e.Message);
            return ExitCodes.UserError;
        }

        return ExitCodes.Success;
    }
}
