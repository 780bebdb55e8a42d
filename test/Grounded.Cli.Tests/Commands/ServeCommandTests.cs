using System.Net;
using System.Text.Json;
using Grounded.Cli.Tests.Support;

namespace Grounded.Cli.Tests.Commands;

/// <summary><c>grounded serve</c> as a user starts it.</summary>
public sealed class ServeCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task SaysWhereItListensWithoutEverPrintingTheStoresPassword()
    {
        var port = FreePort();
        using var serve = CliRunner.Start(_dir.Path, new Dictionary<string, string>(), "serve", "--store", "postgres://app:s3cret@127.0.0.1:1/grounded", "--urls", $"http://127.0.0.1:{port}", "--json");
        try
        {
            var printed = new System.Text.StringBuilder();
            string? line;
            while ((line = await serve.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60))) is not null)
            {
                printed.AppendLine(line);
                if (line == "}")
                {
                    break; // the one JSON object, printed once listening
                }
            }

            var json = JsonDocument.Parse(printed.ToString()).RootElement;

            Assert.Equal("postgres://app:***@127.0.0.1:1/grounded", json.GetProperty("store").GetString());
            Assert.Equal($"http://127.0.0.1:{port}", json.GetProperty("listening")[0].GetString());
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
        }

        Assert.DoesNotContain("s3cret", await serve.StandardError.ReadToEndAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskWithAnUnknownModelSaysSoBeforeOpeningTheStore()
    {
        var result = await CliRunner.RunAsync(_dir.Path, "ask", "Why?", "--model", "huge", "--store", "store");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: The model 'huge' does not exist: no models are configured", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.Combine("store")), "nothing is opened or indexed for a request that cannot be answered");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
