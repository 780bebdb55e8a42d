using System.Net;
using System.Net.Http.Headers;
using Grounded.Server.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Grounded.Server.Tests.Lifecycle;

/// <summary>A running server's config file changes: what can be swapped is, the rest is named for a restart, and a broken file changes nothing.</summary>
public sealed class ConfigReloadServiceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("grounded-reload-").FullName;
    private readonly CollectingLoggerProvider _logs = new();

    private string ConfigFile => Path.Combine(_dir, "grounded.yaml");

    public void Dispose()
    {
        _logs.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task AKeyAddedToTheFileIsAcceptedWithoutARestart()
    {
        await WriteAsync(keys: ["old-key-1"]);
        using var factory = Factory();
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, await ModelsAsync(client, "new-key-2"));

        await WriteAsync(keys: ["old-key-1", "new-key-2"]);

        Assert.Equal(HttpStatusCode.OK, await EventuallyAsync(() => ModelsAsync(client, "new-key-2"), HttpStatusCode.OK));
        Assert.Contains(_logs.Lines, l => l.Text.Contains("reloaded: auth.keys", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnInvalidFileIsLoggedWithItsProblemsAndTheRunningConfigIsKept()
    {
        await WriteAsync(keys: ["old-key-1"]);
        using var factory = Factory();
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, await ModelsAsync(client, "old-key-1"));

        await WriteAsync(keys: ["new-key-2"], contextWindow: -5);
        var line = await LogLineAsync("config not reloaded");

        Assert.Contains("contextWindow", line, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await ModelsAsync(client, "old-key-1"));
        Assert.Equal(HttpStatusCode.Unauthorized, await ModelsAsync(client, "new-key-2"));
    }

    [Fact]
    public async Task AChangeThatNeedsARestartIsNamedWhileTheRestIsApplied()
    {
        await WriteAsync(keys: ["old-key-1"]);
        using var factory = Factory();
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, await ModelsAsync(client, "old-key-1"));

        await WriteAsync(keys: ["new-key-2"], contextWindow: 4000, extra: "cache: { exact: false }");
        var line = await LogLineAsync("restart to apply");

        Assert.Contains("cache.exact, models changed", line, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await ModelsAsync(client, "new-key-2"));
        Assert.Equal(HttpStatusCode.Unauthorized, await ModelsAsync(client, "old-key-1"));
    }

    private static async Task<HttpStatusCode> ModelsAsync(HttpClient client, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/models");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<HttpStatusCode> EventuallyAsync(Func<Task<HttpStatusCode>> probe, HttpStatusCode wanted)
    {
        var status = await probe();
        for (var i = 0; i < 100 && status != wanted; i++)
        {
            await Task.Delay(100);
            status = await probe();
        }

        return status;
    }

    private async Task<string> LogLineAsync(string text)
    {
        for (var i = 0; i < 100; i++)
        {
            if (_logs.Lines.FirstOrDefault(l => l.Text.Contains(text, StringComparison.Ordinal)).Text is { } line)
            {
                return line;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"no log line with '{text}' in 10 s");
    }

    private Task WriteAsync(string[] keys, int contextWindow = 8000, string extra = "") => File.WriteAllTextAsync(ConfigFile, $"""
        models:
          - name: small
            provider: openai
            endpoint: http://127.0.0.1:9/v1
            model: small-model
            contextWindow: {contextWindow}
            maxOutputTokens: 500
        auth:
          keys: [{string.Join(", ", keys)}]
        {extra}
        """);

    private WebApplicationFactory<Program> Factory() => new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
    {
        b.UseSetting("Grounded:Config", ConfigFile);
        b.UseSetting("Grounded:Store", Path.Combine(_dir, "store"));
        b.ConfigureLogging(l => l.AddProvider(_logs));
    });
}
