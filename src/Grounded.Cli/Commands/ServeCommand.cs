using System.ComponentModel;
using Grounded.Cli.Output;
using Grounded.Gateway.Config;
using Grounded.Server;
using Microsoft.Extensions.Hosting;

namespace Grounded.Cli.Commands;

/// <summary><c>grounded serve</c>: runs the OpenAI-compatible gateway and RAG server until Ctrl+C.</summary>
[Description("Serve the model gateway (OpenAI-compatible /v1/chat/completions) and /v1/ask over HTTP")]
internal sealed class ServeCommand : GroundedCommand<ServeSettings>
{
    protected override async Task<int> RunAsync(ServeSettings settings, CancellationToken cancellationToken)
    {
        Microsoft.AspNetCore.Builder.WebApplication app;
        try
        {
            app = GroundedServer.Build(new ServeOptions(settings.Config!, settings.Urls, settings.StoreDirectory, settings.Insecure));
        }
        catch (Exception e) when (e is GatewayConfigException or ServerStartException)
        {
            CliConsole.Error(e.Message);
            return ExitCodes.UserError;
        }

        await using (app)
        {
            try
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                CliConsole.Error($"cannot listen on {settings.Urls ?? GroundedServer.DefaultUrl}: {e.Message}");
                return ExitCodes.UserError;
            }

            if (settings.Json)
            {
                JsonOutput.Write(new { listening = app.Urls, config = settings.Config, store = settings.StoreDirectory });
            }
            else
            {
                Console.Error.WriteLine($"grounded serve: listening on {string.Join(", ", app.Urls)} (Ctrl+C to stop)");
            }

            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
