using Grounded.Server.Errors;

namespace Grounded.Server.Lifecycle;

/// <summary>
/// Lets the shutdown's drain deadline end requests: the request's token also fires at the deadline (every endpoint and
/// stream already stops on it), and a request so ended before its response started answers 503 <c>server_shutting_down</c>.
/// While the server is stopping, responses say <c>Connection: close</c>, so that clients reconnect elsewhere before it stops accepting.
/// </summary>
internal sealed class DrainMiddleware(RequestDelegate next, GracefulShutdown shutdown)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var client = http.RequestAborted;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(client, shutdown.Deadline);
        var cut = new ShutdownCut(client, shutdown.Deadline);
        http.Features.Set(cut);
        http.RequestAborted = linked.Token;
        if (shutdown.IsStopping && (HttpProtocol.IsHttp11(http.Request.Protocol) || HttpProtocol.IsHttp10(http.Request.Protocol)))
        {
            http.Response.Headers.Connection = "close";
        }

        try
        {
            await next(http);
        }
        catch (Exception) when (cut.Happened && !http.Response.HasStarted)
        {
            // A response already started is its stream's to end (with an error event); one that was not is a status.
            http.RequestAborted = client;
            http.Response.Clear();
            http.Features.Set(new RequestError("shutting_down"));
            await ErrorWriter.WriteAsync(http, ShutdownCut.Error());
        }
        finally
        {
            http.RequestAborted = client;
        }
    }
}
