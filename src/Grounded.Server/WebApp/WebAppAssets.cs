using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Grounded.Server.WebApp;

/// <summary>
/// The web app at <c>/</c>: static files (HTML, CSS, ES modules; no build step, nothing from a CDN) embedded in the server
/// assembly, so <c>grounded serve</c> ships it and it works offline. The app holds no data: every page reads the same
/// <c>/v1</c> routes as any client, with the API key the user signs in with, so it shows only what that key may see.
/// </summary>
internal static class WebAppAssets
{
    // Scripts and styles come only from this server; nothing inline, no frames: a document's text shown in the app can never run.
    private const string Policy = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public static IApplicationBuilder UseWebApp(this IApplicationBuilder app)
    {
        var files = new ManifestEmbeddedFileProvider(typeof(WebAppAssets).Assembly, "App");
        app.UseWhen(http => IsAsset(http.Request.Path), branch => branch
            .UseResponseCompression()
            .UseDefaultFiles(new DefaultFilesOptions { FileProvider = files })
            .UseStaticFiles(new StaticFileOptions
            {
                FileProvider = files,
                ContentTypeProvider = new FileExtensionContentTypeProvider(),
                OnPrepareResponse = file =>
                {
                    var headers = file.Context.Response.Headers;
                    headers.CacheControl = "no-cache"; // revalidated by ETag: an upgraded server serves its new app at once
                    headers.ContentSecurityPolicy = Policy;
                    headers.XContentTypeOptions = "nosniff";
                    headers["Referrer-Policy"] = "no-referrer";
                },
            }));
        return app;
    }

    public static IServiceCollection AddWebApp(this IServiceCollection services) =>
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true; // the app's files hold no secrets: compression side channels do not apply
            options.MimeTypes = ["text/html", "text/css", "text/javascript", "application/javascript", "image/svg+xml"];
        });

    // The API, MCP, metrics and health routes never reach the static files (nor their compression: streams must not be buffered).
    private static bool IsAsset(PathString path) =>
        !path.StartsWithSegments("/v1") && !path.StartsWithSegments("/mcp") && !path.StartsWithSegments("/metrics")
        && !path.StartsWithSegments("/healthz") && !path.StartsWithSegments("/readyz") && !path.StartsWithSegments("/openapi");
}
