namespace Grounded.Testing.Upstream;

/// <summary>
/// Runs the upstream on its own for tests in other languages:
/// <c>dotnet Grounded.Testing.Upstream.dll [--name NAME] [--port PORT] [--exit-with-stdin]</c> prints
/// <c>listening http://127.0.0.1:PORT</c> and serves until killed (or, with <c>--exit-with-stdin</c>, until its standard
/// input closes, so that it cannot outlive the test process that started it).
/// </summary>
internal static class UpstreamProgram
{
    public static async Task<int> Main(string[] args)
    {
        var name = "upstream";
        var port = 0;
        var exitWithStdin = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--name" when i + 1 < args.Length:
                    name = args[++i];
                    break;
                case "--port" when i + 1 < args.Length && int.TryParse(args[i + 1], out var p):
                    port = p;
                    i++;
                    break;
                case "--exit-with-stdin":
                    exitWithStdin = true;
                    break;
                default:
                    await Console.Error.WriteLineAsync($"usage: Grounded.Testing.Upstream [--name NAME] [--port PORT] [--exit-with-stdin] (unexpected '{args[i]}')");
                    return 1;
            }
        }

        await using var upstream = await ScriptableUpstream.StartAsync(name, port);
        Console.WriteLine($"listening {upstream.Endpoint.GetLeftPart(UriPartial.Authority)}");
        using var stop = new CancellationTokenSource();
        if (exitWithStdin)
        {
            _ = Task.Run(async () =>
            {
                await Console.OpenStandardInput().CopyToAsync(Stream.Null);
                await stop.CancelAsync();
            });
        }

        await upstream.WaitForShutdownAsync(stop.Token);
        return 0;
    }
}
