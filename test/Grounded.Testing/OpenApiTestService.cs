using System.Collections.Concurrent;
using Grounded.Testing.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Grounded.Testing;

/// <summary>
/// A tiny orders API on Kestrel (127.0.0.1, a free port) with its OpenAPI 3.0 document, for OpenAPI tools, agent tasks and the benchmark:
/// <c>GET /orders?status=</c> (listOrders), <c>GET /orders/{id}</c> (getOrder), <c>POST /orders</c> (createOrder),
/// <c>POST /orders/{id}/cancel</c> (cancelOrder), <c>GET /stock/{sku}</c> (getStock).
/// Seeded with orders 1001 (2 × osprey beacon, shipped), 1002 (1 × tern lantern, open), 1003 (5 × heron cable, cancelled),
/// 1004 (1 × osprey beacon, open) and stock OSP-1 (12), TRN-2 (0), HRN-3 (240).
/// </summary>
public sealed class OpenApiTestService : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TempDirectory _folder = new();
    private readonly ConcurrentQueue<string> _calls = new();
    private readonly ConcurrentQueue<string> _bodies = new();

    private OpenApiTestService(WebApplication app) => _app = app;

    /// <summary>Gets the service's base URL, e.g. <c>http://127.0.0.1:PORT</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Gets the path of the document as JSON, with <c>servers[0].url</c> = <see cref="BaseUrl"/>.</summary>
    public string DocumentPath { get; private set; } = null!;

    /// <summary>Gets the path of the same document as YAML.</summary>
    public string YamlDocumentPath { get; private set; } = null!;

    /// <summary>Gets the URL the service serves its document from (<c>/openapi.json</c>, with the relative server URL <c>/</c>).</summary>
    public Uri DocumentUrl => new(BaseUrl, "/openapi.json");

    /// <summary>Gets each API request as <c>METHOD /path?query</c>, oldest first (the document's own URL is not counted).</summary>
    public IReadOnlyList<string> Calls => [.. _calls];

    /// <summary>Gets the bodies of the API requests that had one, oldest first.</summary>
    public IReadOnlyList<string> Bodies => [.. _bodies];

    /// <summary>Starts a service; with <paramref name="requiredBearer"/>, API requests without <c>Authorization: Bearer</c> that token get 401.</summary>
    public static async Task<OpenApiTestService> StartAsync(string? requiredBearer = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var service = new OpenApiTestService(app);
        app.Use((http, next) => service.CheckAsync(http, next, requiredBearer));
        app.MapGet("/openapi.json", () => Results.Text(OrdersDocument.Create("/").ToJsonString(), "application/json"));
        OrdersRoutes.Map(app, new OrderBook());
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        service.BaseUrl = new Uri(address.TrimEnd('/'));
        var document = OrdersDocument.Create(service.BaseUrl.AbsoluteUri.TrimEnd('/'));
        service.DocumentPath = service._folder.Write("orders.openapi.json", document.ToJsonString());
        service.YamlDocumentPath = service._folder.Write("orders.openapi.yaml", YamlText.From(document));
        return service;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync().ConfigureAwait(false);
        _folder.Dispose();
    }

    private async Task CheckAsync(HttpContext http, RequestDelegate next, string? requiredBearer)
    {
        if (http.Request.Path == "/openapi.json")
        {
            await next(http).ConfigureAwait(false);
            return;
        }

        _calls.Enqueue($"{http.Request.Method} {http.Request.Path}{http.Request.QueryString}");
        http.Request.EnableBuffering();
        using (var reader = new StreamReader(http.Request.Body, leaveOpen: true))
        {
            var body = await reader.ReadToEndAsync(http.RequestAborted).ConfigureAwait(false);
            if (body.Length > 0)
            {
                _bodies.Enqueue(body);
            }
        }

        http.Request.Body.Position = 0;
        if (requiredBearer is not null && http.Request.Headers.Authorization != $"Bearer {requiredBearer}")
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await http.Response.WriteAsync("{\"error\":\"a bearer token is required\"}").ConfigureAwait(false);
            return;
        }

        await next(http).ConfigureAwait(false);
    }
}
