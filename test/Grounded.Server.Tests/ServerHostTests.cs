using System.Net;
using System.Net.Sockets;

namespace Grounded.Server.Tests;

/// <summary><see cref="ServerHost.RunAsync"/>, the entry <c>grounded serve</c> calls: listens, reports where, stops when told.</summary>
public sealed class ServerHostTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("grounded-host-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task ListensReportsTheAddressAnswersAndStopsOnCancellation()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        IReadOnlyCollection<string>? urls = null;
        string? health = null;

        await ServerHost.RunAsync(Options("http://127.0.0.1:0"), listening =>
        {
            urls = listening;
            _ = Task.Run(async () =>
            {
                using var client = new HttpClient();
                health = await client.GetStringAsync(new Uri(new Uri(listening.First()), "/healthz"));
                await stop.CancelAsync();
            });
        }, stop.Token);

        var url = Assert.Single(urls!);
        Assert.StartsWith("http://127.0.0.1:", url, StringComparison.Ordinal);
        Assert.NotEqual(0, new Uri(url).Port);
        Assert.Contains("ok", health, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAddressInUseIsAStartErrorNamingIt()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";

        var error = await Assert.ThrowsAsync<ServerStartException>(() => ServerHost.RunAsync(Options(url)));

        Assert.Contains($"cannot listen on {url}", error.Message, StringComparison.Ordinal);
    }

    private ServeOptions Options(string url)
    {
        var config = Path.Combine(_dir, "grounded.yaml");
        File.WriteAllText(config, """
            models:
              - name: small
                provider: openai
                endpoint: http://127.0.0.1:9/v1
                model: m
                contextWindow: 1000
                maxOutputTokens: 100
            server: { shutdownDelay: 0s }
            """);
        var options = Hosting.Config.GroundedConfig.Load(config, new Dictionary<string, string?>());
        return new ServeOptions(options with { Rag = options.Rag with { Store = Path.Combine(_dir, "store") } }, url);
    }
}
