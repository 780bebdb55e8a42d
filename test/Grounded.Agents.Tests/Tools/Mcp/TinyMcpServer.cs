using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace Grounded.Agents.Tests.Tools.Mcp;

/// <summary>A small MCP server over Streamable HTTP on a free loopback port: <c>add_numbers</c> and <c>echo_text</c>, optionally behind a bearer token.</summary>
internal sealed class TinyMcpServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TinyMcpServer(WebApplication app) => _app = app;

    public Uri Url => new(new Uri(_app.Urls.First()), "/mcp");

    public static async Task<TinyMcpServer> StartAsync(string? bearer = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddMcpServer().WithHttpTransport(o => o.Stateless = true).WithTools(
        [
            McpServerTool.Create(([Description("The first addend.")] int a, [Description("The second addend.")] int b) => a + b,
                new McpServerToolCreateOptions { Name = "add_numbers", Description = "Add two integers." }),
            McpServerTool.Create(([Description("The text to echo.")] string text) => text == "fail" ? throw new McpException("the echo broke") : $"echo: {text}",
                new McpServerToolCreateOptions { Name = "echo_text", Description = "Echo a text back." }),
        ]);
        var app = builder.Build();
        if (bearer is not null)
        {
            app.Use(async (http, next) =>
            {
                if (http.Request.Headers.Authorization != $"Bearer {bearer}")
                {
                    http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return;
                }

                await next(http);
            });
        }

        app.MapMcp("/mcp");
        await app.StartAsync();
        return new TinyMcpServer(app);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
