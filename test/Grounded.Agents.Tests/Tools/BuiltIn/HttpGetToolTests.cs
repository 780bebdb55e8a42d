using System.Text.Json;
using Grounded.Access;
using Grounded.Agents.Tools;
using Microsoft.AspNetCore.Http;

namespace Grounded.Agents.Tests.Tools.BuiltIn;

public sealed class HttpGetToolTests : IAsyncLifetime
{
    private LocalWebServer _server = null!;

    public async Task InitializeAsync() => _server = await LocalWebServer.StartAsync(HandleAsync);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static AgentTool Tool(params string[] allowHosts) =>
        ToolCalls.BuiltIn("http_get", new ToolEnvironment(CallerIdentity.Local), allowHosts);

    private string Url(string path) => new Uri(_server.Address, path).ToString();

    private static string Call(string url) => JsonSerializer.Serialize(new { url });

    [Fact]
    public async Task FetchesFromAnAllowedHostWithStatusContentTypeAndText()
    {
        var result = JsonDocument.Parse(await Tool("127.0.0.1").CallAsync(Call(Url("plain")))).RootElement;

        Assert.Equal(200, result.GetProperty("status").GetInt32());
        Assert.Equal("text/plain", result.GetProperty("content_type").GetString());
        Assert.Equal("hello from the test server", result.GetProperty("text").GetString());
        Assert.False(result.TryGetProperty("cut", out _));
    }

    [Fact]
    public async Task ReducesHtmlToItsText()
    {
        var result = JsonDocument.Parse(await Tool("127.0.0.1").CallAsync(Call(Url("page")))).RootElement;

        Assert.Equal("Title\nFirst & second.\nItem", result.GetProperty("text").GetString());
    }

    [Fact]
    public async Task ReturnsTheStatusOfAFailedRequest()
    {
        var result = JsonDocument.Parse(await Tool("127.0.0.1").CallAsync(Call(Url("missing")))).RootElement;

        Assert.Equal(404, result.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task WithoutAllowedHostsEveryCallIsRefusedSayingHowToAllowOne()
    {
        var text = await Tool().CallAsync(Call(Url("plain")));

        Assert.Equal(
            "Error: http_get may fetch from no host: list the hosts in the agent file, e.g. { name: http_get, allowHosts: [example.com, \"*.example.org\"] }.",
            text);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task AHostNotOnTheListIsRefused()
    {
        var text = await Tool("example.com", "*.example.org").CallAsync(Call(Url("plain")));

        Assert.Equal("Error: host 127.0.0.1 is not allowed; allowed: example.com, *.example.org.", text);
        Assert.Empty(_server.Requests);
    }

    [Theory]
    [InlineData("file:///etc/passwd", "Error: only http and https URLs can be fetched, not file.")]
    [InlineData("ftp://127.0.0.1/x", "Error: only http and https URLs can be fetched, not ftp.")]
    [InlineData("http://user:secret@127.0.0.1/x", "Error: URLs with a user name or password (user@host) are refused.")]
    [InlineData("/relative/path", "Error: '/relative/path' is not an absolute URL; write it as https://host/path.")]
    public async Task OtherSchemesUserInfoAndRelativeUrlsAreRefused(string url, string expected) =>
        Assert.Equal(expected, await Tool("127.0.0.1").CallAsync(Call(url)));

    [Fact]
    public async Task FollowsRedirectsWithinTheAllowedHosts()
    {
        var result = JsonDocument.Parse(await Tool("127.0.0.1").CallAsync(Call(Url("hop/2")))).RootElement;

        Assert.Equal("hello from the test server", result.GetProperty("text").GetString());
        Assert.EndsWith("/plain", result.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal(["/hop/2", "/hop/1", "/plain"], _server.Requests);
    }

    [Fact]
    public async Task ARedirectToAHostNotAllowedIsNotFollowed()
    {
        var text = await Tool("127.0.0.1").CallAsync(Call(Url("away")));

        Assert.StartsWith($"Error: {Url("away")} redirects to http://localhost:{_server.Address.Port}/plain, which is refused: host localhost is not allowed", text, StringComparison.Ordinal);
        Assert.Equal(["/away"], _server.Requests);
    }

    [Fact]
    public async Task StopsAfterThreeRedirects()
    {
        var text = await Tool("127.0.0.1").CallAsync(Call(Url("hop/5")));

        Assert.StartsWith($"Error: {Url("hop/5")} redirected more than 3 times", text, StringComparison.Ordinal);
        Assert.Equal(4, _server.Requests.Count);
    }

    [Fact]
    public async Task ReadsAtMost256KilobytesAndSaysTheBodyWasCut()
    {
        var result = JsonDocument.Parse(await Tool("127.0.0.1").CallAsync(Call(Url("big")))).RootElement;

        Assert.Equal(256 * 1024, result.GetProperty("text").GetString()!.Length);
        Assert.Equal("the body is longer than 256 KB; only the first 256 KB were read", result.GetProperty("cut").GetString());
    }

    [Fact]
    public async Task ABinaryBodyIsDescribedNotShown()
    {
        var result = JsonDocument.Parse(await Tool("127.0.0.1").CallAsync(Call(Url("image")))).RootElement;

        Assert.Equal("[binary content (image/png), 4 bytes, not shown]", result.GetProperty("text").GetString());
    }

    [Fact]
    public async Task AHostThatCannotBeReachedIsAnErrorResult()
    {
        var closed = new Uri($"http://127.0.0.1:{FreePort()}/x");
        var text = await Tool("127.0.0.1").CallAsync(Call(closed.ToString()));

        Assert.StartsWith("Error: could not reach 127.0.0.1:", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRunsCancellationStopsACall()
    {
        using var cancellation = new CancellationTokenSource();
        var call = Tool("127.0.0.1").CallAsync(Call(Url("slow")), cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var response = context.Response;
        switch (path)
        {
            case "/plain":
                response.ContentType = "text/plain; charset=utf-8";
                await response.WriteAsync("hello from the test server");
                break;
            case "/page":
                response.ContentType = "text/html";
                await response.WriteAsync("<html><head><title>T</title><style>p{}</style></head><body><h1>Title</h1><script>alert(1)</script><p>First &amp; second.</p><ul><li>Item</li></ul></body></html>");
                break;
            case "/away":
                response.Redirect($"http://localhost:{_server.Address.Port}/plain");
                break;
            case "/big":
                response.ContentType = "text/plain";
                await response.WriteAsync(new string('a', 300 * 1024));
                break;
            case "/image":
                response.ContentType = "image/png";
                await response.Body.WriteAsync(new byte[] { 1, 2, 3, 4 });
                break;
            case "/slow":
                await Task.Delay(TimeSpan.FromMinutes(1), context.RequestAborted);
                break;
            case var hop when hop.StartsWith("/hop/", StringComparison.Ordinal):
                var n = int.Parse(hop["/hop/".Length..], System.Globalization.CultureInfo.InvariantCulture);
                response.Redirect(n <= 1 ? "/plain" : $"/hop/{n - 1}");
                break;
            default:
                response.StatusCode = 404;
                break;
        }
    }
}
