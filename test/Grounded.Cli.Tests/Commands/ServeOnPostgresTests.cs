using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Grounded.Cli.Tests.Support;

namespace Grounded.Cli.Tests.Commands;

/// <summary><c>grounded serve --store postgres://…</c> answers from the shared store, as replicas do; what it ingests, the CLI finds.</summary>
public sealed class ServeOnPostgresTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [SkippableFact]
    public async Task AServerOnPostgresIngestsUploadsTheCliFindsAndAnswersFromThem()
    {
        await using var database = await TestDatabase.CreateAsync();
        var port = FreePort();
        using var serve = CliRunner.Start(_dir.Path, new Dictionary<string, string>(), "serve", "--store", database.Url, "--urls", $"http://127.0.0.1:{port}");
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitForHealthAsync(http, serve);

            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent("The Zanzibar lighthouse keeper logs ship arrivals in a green ledger every dawn.\n"u8.ToArray());
            file.Headers.ContentType = new MediaTypeHeaderValue("text/markdown");
            form.Add(file, "file", "ledger.md");
            var uploaded = await http.PostAsync("/v1/documents", form);
            Assert.True(uploaded.StatusCode == HttpStatusCode.OK, await uploaded.Content.ReadAsStringAsync());

            var search = IndexedStoreFixture.Json(await CliRunner.RunAsync(_dir.Path, "search", "Zanzibar lighthouse ledger", "--store", database.Url, "--top-k", "3", "--json"));
            Assert.Contains(search.GetProperty("results").EnumerateArray(), r => r.GetProperty("text").GetString()!.Contains("Zanzibar", StringComparison.Ordinal));
            Assert.Equal("ledger.md", search.GetProperty("results")[0].GetProperty("source").GetString());

            var answer = JsonDocument.Parse(await (await http.PostAsync("/v1/ask", new StringContent("""{"question":"Where does the lighthouse keeper log ship arrivals?"}""", System.Text.Encoding.UTF8, "application/json"))).Content.ReadAsStringAsync()).RootElement;
            Assert.False(answer.GetProperty("abstained").GetBoolean(), answer.ToString());
            Assert.Equal("ledger.md", answer.GetProperty("citations")[0].GetProperty("source").GetString());

            var ready = JsonDocument.Parse(await http.GetStringAsync("/readyz")).RootElement;
            Assert.StartsWith("postgres://", ready.GetProperty("store").GetProperty("location").GetString(), StringComparison.Ordinal);
            Assert.False(Directory.Exists(_dir.Combine("postgres:")), "the URL must not become a folder");
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
        }
    }

    private static async Task WaitForHealthAsync(HttpClient http, Process serve)
    {
        for (var i = 0; i < 600; i++)
        {
            if (serve.HasExited)
            {
                Assert.Fail($"serve exited: {await serve.StandardError.ReadToEndAsync()}");
            }

            try
            {
                if ((await http.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        Assert.Fail("serve did not become healthy within 60 s");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
