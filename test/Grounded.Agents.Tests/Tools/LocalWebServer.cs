using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Grounded.Agents.Tests.Tools;

/// <summary>A Kestrel server on 127.0.0.1 (a free port) answering every request with a handler the test sets.</summary>
internal sealed class LocalWebServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalWebServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>Gets the server's address, e.g. <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri Address { get; }

    /// <summary>Gets the paths requested, in order.</summary>
    public List<string> Requests { get; } = [];

    public static async Task<LocalWebServer> StartAsync(Func<HttpContext, Task> handle)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        LocalWebServer? server = null;
        app.Run(async context =>
        {
            lock (server!.Requests)
            {
                server.Requests.Add(context.Request.Path + context.Request.QueryString);
            }

            await handle(context);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new LocalWebServer(app, new Uri(address.TrimEnd('/') + "/"));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
